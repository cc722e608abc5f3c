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
 * Stands for a contender that could not even be created (e.g. a peer's classes clash), so
 * that it still gets a row saying why.
 *
 * @author glm-spring-ai
 */
final class FailedContender implements Contender {

	private final String name;

	private final GlmProtocol protocol;

	private final Throwable cause;

	FailedContender(String name, GlmProtocol protocol, Throwable cause) {
		this.name = name;
		this.protocol = protocol;
		this.cause = cause;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public GlmProtocol protocol() {
		return this.protocol;
	}

	@Override
	public Tally run(Scenario scenario) {
		throw new IllegalStateException("could not be created: " + this.cause, this.cause);
	}

}
