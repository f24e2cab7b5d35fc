package io.shopflow.channels.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** from: the sender of every email, e.g. "Shop <no-reply@shop.example>". */
@ConfigurationProperties("shopflow.mail")
record MailSettings(String from) {
}
