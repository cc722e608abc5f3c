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

import java.time.Instant;

/**
 * The one-token texts the fake server streams, shared by the server (to render) and the
 * clients (to check what they received).
 *
 * @author glm-spring-ai
 */
public final class Tokens {

	/** A small vocabulary of typical GLM tokens, CJK and Latin, all JSON-safe. */
	private static final String[] VOCAB = { "我", "是", "智谱", " GLM", "的", " model", "，", " the", "答案", "思考", " user",
			"用户", "。", " is", "问题", " a" };

	private Tokens() {
	}

	/**
	 * The reasoning token at a position of a fast stream.
	 * @param index the position
	 * @return the token
	 */
	public static String reasoning(int index) {
		return VOCAB[index & 15];
	}

	/**
	 * The answer token at a position of a fast stream.
	 * @param index the position
	 * @return the token
	 */
	public static String answer(int index) {
		return VOCAB[(index * 7 + 3) & 15];
	}

	/**
	 * A paced token: {@code <seq>:<tag>@<send time in epoch microseconds>|}.
	 * @param seq the sequence number in the stream, from 0
	 * @param tag the stream tag
	 * @param micros the send time
	 * @return the token
	 */
	public static String paced(int seq, long tag, long micros) {
		return seq + ":" + tag + "@" + micros + "|";
	}

	/**
	 * Wall-clock time in microseconds since the epoch (shared by the server and client
	 * processes on one machine).
	 * @return the time
	 */
	public static long nowMicros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
	}

	/**
	 * What a client must have received for a fast scenario.
	 * @param scenario the scenario
	 * @return the expected tally
	 */
	public static Tally expected(Scenario scenario) {
		Tally tally = new Tally();
		for (int i = 0; i < scenario.reasoningTokens(); i++) {
			tally.reasoning(reasoning(i));
		}
		for (int i = 0; i < scenario.answerTokens(); i++) {
			tally.answer(answer(i));
		}
		return tally;
	}

}
