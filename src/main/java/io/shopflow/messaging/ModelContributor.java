package io.shopflow.messaging;

import java.util.Map;

/**
 * Adds what a capability knows to a template's model, from the ids among the flow's variables
 * (cartId becomes $cart, couponCode becomes $coupon) and the customer id, so flows never carry whole entities.
 */
public interface ModelContributor {

	void contribute(String customerId, Map<String, Object> variables, Map<String, Object> model);
}
