/**
 * E-mail over SMTP with Jakarta Mail. Only {@link dev.herald.provider.email.EmailProviderFactory}
 * is public: Herald finds it with {@link java.util.ServiceLoader}.
 */
package dev.herald.provider.email;
