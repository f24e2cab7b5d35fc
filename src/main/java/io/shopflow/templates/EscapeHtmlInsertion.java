package io.shopflow.templates;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.springframework.web.util.HtmlUtils;

/** Escapes every value a template inserts into HTML, so a customer named "<script>" stays text. */
class EscapeHtmlInsertion implements ReferenceInsertionEventHandler {

	@Override
	public Object referenceInsert(Context context, String reference, Object value) {
		if (value == null || value instanceof TrustedHtml) {
			return value;
		}
		return HtmlUtils.htmlEscape(value.toString(), "UTF-8");
	}
}
