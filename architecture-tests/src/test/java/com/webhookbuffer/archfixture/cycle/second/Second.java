package com.webhookbuffer.archfixture.cycle.second;

import com.webhookbuffer.archfixture.cycle.first.First;

/** The other half of the package cycle. */
public class Second {
    First first;
}
