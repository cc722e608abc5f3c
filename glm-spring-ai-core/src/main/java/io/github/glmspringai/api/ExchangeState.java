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

/**
 * How far one exchange got: whether a response arrived, and whether the turn is complete
 * (a finish reason and usage, or the end marker). Written by the reading thread, read by
 * the timeout timer.
 *
 * @author glm-spring-ai
 */
final class ExchangeState {

	private volatile boolean responded;

	private volatile boolean finished;

	private volatile boolean usage;

	private volatile boolean done;

	void responded() {
		this.responded = true;
	}

	boolean hasResponded() {
		return this.responded;
	}

	void done() {
		this.done = true;
	}

	boolean isDone() {
		return this.done;
	}

	void accept(GlmStreamEvent event) {
		if (event.finishReason() != null) {
			this.finished = true;
		}
		if (event.usage() != null) {
			this.usage = true;
		}
	}

	boolean complete() {
		return this.done || (this.finished && this.usage);
	}

}
