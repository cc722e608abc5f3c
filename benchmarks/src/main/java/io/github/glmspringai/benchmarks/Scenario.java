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

import io.github.glmspringai.chat.GlmProtocol;

/**
 * What the fake server streams for one request: {@code reasoningTokens} one-token
 * reasoning chunks, then {@code answerTokens} one-token answer chunks, then the finish
 * (and, on the compatible protocol, the usage chunk and {@code [DONE]}). With
 * {@code intervalMillis > 0} the tokens are paced, one every interval, and each carries
 * its sequence number, the stream tag and the server's send time.
 * <p>
 * The scenario travels inside the prompt as a marker ({@link #marker()}) so that every
 * client, ours and the peers', can select it without custom headers or paths. The marker
 * uses only characters that no JSON writer escapes (Gson escapes {@code =}).
 *
 * @param reasoningTokens reasoning chunks
 * @param answerTokens answer chunks
 * @param intervalMillis pacing interval, {@code 0} for "as fast as the client reads"
 * @param tag a number identifying the stream (echoed in paced tokens)
 * @author glm-spring-ai
 */
public record Scenario(int reasoningTokens, int answerTokens, int intervalMillis, long tag) {

	private static final String PREFIX = "bench_";

	private static final String SUFFIX = "_end";

	/**
	 * Validate.
	 */
	public Scenario {
		if (reasoningTokens < 0 || answerTokens < 0 || reasoningTokens + answerTokens < 1 || intervalMillis < 0
				|| tag < 0) {
			throw new IllegalArgumentException("invalid scenario r=" + reasoningTokens + " a=" + answerTokens + " p="
					+ intervalMillis + " s=" + tag);
		}
	}

	/**
	 * A stream sent as fast as the client reads.
	 * @param reasoningTokens reasoning chunks
	 * @param answerTokens answer chunks
	 * @return the scenario
	 */
	public static Scenario fast(int reasoningTokens, int answerTokens) {
		return new Scenario(reasoningTokens, answerTokens, 0, 0);
	}

	/**
	 * A paced stream.
	 * @param reasoningTokens reasoning chunks
	 * @param answerTokens answer chunks
	 * @param intervalMillis one chunk every this many milliseconds
	 * @param tag stream tag
	 * @return the scenario
	 */
	public static Scenario paced(int reasoningTokens, int answerTokens, int intervalMillis, long tag) {
		return new Scenario(reasoningTokens, answerTokens, intervalMillis, tag);
	}

	/**
	 * Whether the stream is paced.
	 * @return {@code true} when paced
	 */
	public boolean isPaced() {
		return this.intervalMillis > 0;
	}

	/**
	 * Reasoning plus answer tokens.
	 * @return the token count
	 */
	public int tokens() {
		return this.reasoningTokens + this.answerTokens;
	}

	/**
	 * SSE events the server sends for this scenario on a protocol; "per chunk" figures
	 * divide by this. Compatible: a role chunk, the tokens, a finish chunk and a usage
	 * chunk ({@code [DONE]} not counted). Native: the tokens and a finish frame. Zhipu:
	 * the tokens and a finish chunk with the usage.
	 * @param protocol the protocol
	 * @return the event count
	 */
	public int events(GlmProtocol protocol) {
		return (protocol == GlmProtocol.OPENAI_COMPATIBLE) ? tokens() + 3 : tokens() + 1;
	}

	/**
	 * The marker the fake server looks for in the request body.
	 * @return the marker
	 */
	public String marker() {
		return PREFIX + "r" + this.reasoningTokens + "_a" + this.answerTokens + "_p" + this.intervalMillis + "_s"
				+ this.tag + SUFFIX;
	}

	/**
	 * A user prompt carrying the marker.
	 * @return the prompt
	 */
	public String prompt() {
		return "你是谁 " + marker();
	}

	/**
	 * Find the scenario in a request body.
	 * @param body the request body
	 * @return the scenario
	 * @throws IllegalArgumentException when there is no valid marker
	 */
	public static Scenario find(CharSequence body) {
		String text = body.toString();
		int start = text.indexOf(PREFIX);
		int end = (start < 0) ? -1 : text.indexOf(SUFFIX, start);
		if (end < 0) {
			throw new IllegalArgumentException(
					"no scenario marker (" + PREFIX + "r<n>_a<n>_p<ms>_s<tag>" + SUFFIX + ") in the request body");
		}
		int r = -1;
		int a = -1;
		int p = -1;
		long s = -1;
		for (String field : text.substring(start + PREFIX.length(), end).split("_")) {
			if (field.length() < 2) {
				throw new IllegalArgumentException("bad scenario field '" + field + "'");
			}
			long value = Long.parseLong(field.substring(1));
			switch (field.charAt(0)) {
				case 'r' -> r = (int) value;
				case 'a' -> a = (int) value;
				case 'p' -> p = (int) value;
				case 's' -> s = value;
				default -> throw new IllegalArgumentException("bad scenario field '" + field + "'");
			}
		}
		return new Scenario(r, a, p, s);
	}

}
