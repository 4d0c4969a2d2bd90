package com.webhookbuffer.domain.order;

/** A stock keeping unit: what a line item is a quantity of. */
public record Sku(String value) {

    public Sku {
        Identifiers.require("sku", value);
    }

    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
