package io.shopflow.templates;

/** A message ready for a channel: html is null for channels without HTML. */
public record RenderedMessage(String subject, String html, String text) {
}
