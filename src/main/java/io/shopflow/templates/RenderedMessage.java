package io.shopflow.templates;

/**
 * A message ready for a channel: html is null for channels without HTML; url and icon are what a push
 * notification opens and shows (a template sets them with #set), null elsewhere.
 */
public record RenderedMessage(String subject, String html, String text, String url, String icon) {
}
