package com.webhookbuffer.domain.archfixture;

import java.sql.Connection;

/** Breaks "the domain depends only on the JDK's java.* packages, and on none that do I/O". */
public class DomainUsingJdbc {
    Connection connection;
}
