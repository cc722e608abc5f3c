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
 * What a client received: length and a polynomial hash (as {@link String#hashCode()} of
 * the concatenation) of the answer and of the reasoning, computed incrementally so the
 * check costs every client the same few nanoseconds per chunk.
 *
 * @author glm-spring-ai
 */
public final class Tally {

	private long answerChars;

	private int answerHash;

	private long reasoningChars;

	private int reasoningHash;

	private long items;

	/**
	 * Add answer text.
	 * @param text the text, may be {@code null}
	 */
	public void answer(@Nullable String text) {
		if (text != null) {
			int h = this.answerHash;
			for (int i = 0; i < text.length(); i++) {
				h = 31 * h + text.charAt(i);
			}
			this.answerHash = h;
			this.answerChars += text.length();
		}
	}

	/**
	 * Add reasoning text.
	 * @param text the text, may be {@code null}
	 */
	public void reasoning(@Nullable String text) {
		if (text != null) {
			int h = this.reasoningHash;
			for (int i = 0; i < text.length(); i++) {
				h = 31 * h + text.charAt(i);
			}
			this.reasoningHash = h;
			this.reasoningChars += text.length();
		}
	}

	/**
	 * Count one item delivered by the client API.
	 */
	public void item() {
		this.items++;
	}

	/**
	 * Items delivered by the client API.
	 * @return the count
	 */
	public long items() {
		return this.items;
	}

	/**
	 * Whether answer and reasoning equal the expected ones.
	 * @param expected the expected tally
	 * @return {@code true} when equal
	 */
	public boolean matches(Tally expected) {
		return this.answerChars == expected.answerChars && this.answerHash == expected.answerHash
				&& this.reasoningChars == expected.reasoningChars && this.reasoningHash == expected.reasoningHash;
	}

	@Override
	public String toString() {
		return "answer " + this.answerChars + " chars #" + Integer.toHexString(this.answerHash) + ", reasoning "
				+ this.reasoningChars + " chars #" + Integer.toHexString(this.reasoningHash) + ", " + this.items
				+ " items";
	}

}
