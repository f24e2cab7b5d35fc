package io.shopflow.carts;

import java.math.BigDecimal;
import java.util.List;

import io.shopflow.events.ShopEvent.Item;

/** The last known content of a shop's cart, kept so reminders show what is in it now. */
public record Cart(String id, String customerId, List<Item> items, BigDecimal total, String currency, String url) {
}
