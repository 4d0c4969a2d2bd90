/**
 * The {@code PayloadParser} port on Jackson. It translates JSON syntax into the application's payload records and
 * decides nothing about their content.
 *
 * <p>May depend on the application (its port and payload records), the domain and Jackson; never on another
 * adapter.
 */
package com.webhookbuffer.adapter.json;
