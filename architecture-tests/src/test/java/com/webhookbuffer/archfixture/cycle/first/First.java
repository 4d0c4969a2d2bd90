package com.webhookbuffer.archfixture.cycle.first;

import com.webhookbuffer.archfixture.cycle.second.Second;

/** One half of a package cycle: breaks "packages are free of cycles". */
public class First {
    Second second;
}
