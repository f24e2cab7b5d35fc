package io.shopflow.channels.whatsapp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One approved WhatsApp content template filled in: Twilio's ContentSid and ContentVariables. The variables come
 * from the text part of templates/whatsapp/&lt;flow&gt;/&lt;step&gt;.&lt;locale&gt;.vm, one "&lt;number&gt;=&lt;value&gt;"
 * per line ({{1}}, {{2}}, ... of the approved template); numbered lines, so an empty value moves no other.
 */
record ContentTemplate(String sid, Map<String, String> variables) {

	static ContentTemplate of(String sid, String text) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : text == null ? new String[0] : text.split("\\R")) {
			int equals = line.indexOf('=');
			if (equals > 0 && line.substring(0, equals).strip().matches("\\d+")) {
				variables.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
			}
		}
		return new ContentTemplate(sid, variables);
	}
}
