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

package io.github.glmspringai.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * Checks one paced stream as it arrives: every token is {@code <seq>:<tag>@<micros>|}, in
 * order, with this stream's tag, reasoning tokens before answer tokens; records the delay
 * from the server's send time to now for each token.
 *
 * @author glm-spring-ai
 */
final class PacedCheck {

	private final Scenario scenario;

	private final DelayHistogram delays;

	private int next;

	private long reasoningChars;

	private @Nullable String problem;

	PacedCheck(Scenario scenario, DelayHistogram delays) {
		this.scenario = scenario;
		this.delays = delays;
	}

	/**
	 * Take in text that arrived.
	 * @param text the text, may be {@code null} or empty
	 * @param reasoning whether it arrived as reasoning
	 * @param nowMicros the arrival time
	 */
	void accept(@Nullable String text, boolean reasoning, long nowMicros) {
		if (text == null || text.isEmpty()) {
			return;
		}
		if (reasoning) {
			this.reasoningChars += text.length();
		}
		int start = 0;
		int length = text.length();
		while (start < length) {
			int colon = text.indexOf(':', start);
			int at = (colon < 0) ? -1 : text.indexOf('@', colon);
			int bar = (at < 0) ? -1 : text.indexOf('|', at);
			if (bar < 0) {
				fail("malformed token text '" + text + "'");
				return;
			}
			long seq = number(text, start, colon);
			long tag = number(text, colon + 1, at);
			long micros = number(text, at + 1, bar);
			if (seq != this.next) {
				fail("token " + seq + " arrived where " + this.next + " was expected");
			}
			else if (tag != this.scenario.tag()) {
				fail("token of stream " + tag + " arrived on stream " + this.scenario.tag());
			}
			else if (reasoning != (seq < this.scenario.reasoningTokens())) {
				fail("token " + seq + " arrived as " + (reasoning ? "reasoning" : "answer"));
			}
			this.next++;
			this.delays.record(nowMicros - micros);
			start = bar + 1;
		}
	}

	/**
	 * Check the complete reasoning reported at the end.
	 * @param length its length
	 */
	void reasoningContent(int length) {
		if (length != this.reasoningChars) {
			fail("complete reasoning has " + length + " chars, deltas had " + this.reasoningChars);
		}
	}

	/**
	 * Check the completion tokens reported at the end.
	 * @param tokens the reported count
	 */
	void completionTokens(long tokens) {
		if (tokens != this.scenario.tokens()) {
			fail("usage reports " + tokens + " completion tokens, expected " + this.scenario.tokens());
		}
	}

	void fail(String message) {
		if (this.problem == null) {
			this.problem = "stream " + this.scenario.tag() + ": " + message;
		}
	}

	/**
	 * The problem found at completion, or {@code null} when the stream was complete and
	 * correct.
	 * @return the problem
	 */
	@Nullable String verdict() {
		if (this.problem == null && this.next != this.scenario.tokens()) {
			fail("ended after " + this.next + " of " + this.scenario.tokens() + " tokens");
		}
		return this.problem;
	}

	private static long number(String text, int from, int to) {
		long value = 0;
		if (from >= to) {
			return -1;
		}
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
