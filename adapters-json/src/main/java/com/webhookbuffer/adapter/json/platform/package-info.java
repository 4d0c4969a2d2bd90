/**
 * What every platform translator shares: how a platform's body is read (one strictness, exact numbers), the answer
 * to one that is not JSON, and {@code FieldReader}, the one reader of a platform's fields by their JSON type, with
 * one wording per fault whichever platform sent it. Depends on Jackson, the domain's rules and the application's
 * translation port only; the platforms' packages depend on it, never the other way.
 */
package com.webhookbuffer.adapter.json.platform;
