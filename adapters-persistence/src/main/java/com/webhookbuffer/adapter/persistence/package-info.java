/**
 * The {@code OrderRepository} port on PostgreSQL: MyBatis mappers (interface and XML side by side), a HikariCP
 * pool sized by the connection budget, and Flyway migrations under {@code db/migration}. It translates between
 * rows and the domain and classifies SQL failures as transient or permanent; it decides no business rule.
 *
 * <p>May depend on the domain, MyBatis, HikariCP, the PostgreSQL driver, Flyway and SLF4J; never on another
 * adapter or the application.
 */
package com.webhookbuffer.adapter.persistence;
