/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.glmspringai.api;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Makes service-supplied text safe to show: the API key and any {@code Bearer} token are
 * removed <em>before</em> anything is cut (so no part of a key survives a truncation),
 * HTML is reduced to its text, control characters (CR, LF, NUL, ...) become spaces, and
 * the result is shortened to an excerpt.
 *
 * @author glm-spring-ai
 */
final class Scrubber {

	/** Longest excerpt of service-supplied text kept in an error. */
	static final int EXCERPT = 300;

	private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"'<>,;]+");

	private static final Pattern HTML_HINT = Pattern
		.compile("(?is)<\\s*(!doctype|html|head|body|title|div|p|h\\d|pre)\\b");

	private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");

	private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final String apiKey;

	Scrubber(String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Remove the key and {@code Bearer} tokens, keeping the rest as it is.
	 * @param text the text
	 * @return the text without secrets
	 */
	@Nullable String redact(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String redacted = text.contains(this.apiKey) ? text.replace(this.apiKey, "***") : text;
		return BEARER.matcher(redacted).replaceAll("$1***");
	}

	/**
	 * Redact a prefix of a longer text: a key cut off at the end of the prefix is removed
	 * too.
	 * @param text the prefix
	 * @param truncated whether the text was cut from a longer one
	 * @return the redacted prefix
	 */
	String cut(String text, boolean truncated) {
		String redacted = redact(text);
		if (redacted == null || !truncated) {
			return (redacted != null) ? redacted : text;
		}
		for (int length = Math.min(this.apiKey.length() - 1, redacted.length()); length > 0; length--) {
			if (redacted.endsWith(this.apiKey.substring(0, length))) {
				return redacted.substring(0, redacted.length() - length);
			}
		}
		return redacted;
	}

	/**
	 * Redact, reduce HTML to text, replace control characters and shorten: for text that
	 * goes into an exception message or a log line.
	 * @param text the text
	 * @return the safe excerpt, {@code null} for {@code null} or blank text
	 */
	@Nullable String excerpt(@Nullable String text) {
		String redacted = redact(text);
		if (redacted == null) {
			return null;
		}
		String plain = HTML_HINT.matcher(redacted).find()
				? TAG.matcher(SCRIPT_OR_STYLE.matcher(redacted).replaceAll(" ")).replaceAll(" ") : redacted;
		StringBuilder safe = new StringBuilder(plain.length());
		for (int i = 0; i < plain.length(); i++) {
			char c = plain.charAt(i);
			safe.append((Character.isISOControl(c) || c == '\u2028' || c == '\u2029') ? ' ' : c);
		}
		String collapsed = SPACES.matcher(safe).replaceAll(" ").strip();
		if (collapsed.isEmpty()) {
			return null;
		}
		return (collapsed.length() > EXCERPT) ? collapsed.substring(0, EXCERPT) + "…" : collapsed;
	}

}
