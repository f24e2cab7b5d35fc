package io.shopflow.templates;

public class TemplateNotFound extends RuntimeException {

	TemplateNotFound(String tried) {
		super("No template found; tried " + tried);
	}
}
