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

import java.time.Duration;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmChatOptions;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.chat.GlmReasoning;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * {@link GlmChatModel#stream} or {@link GlmChatModel#call} against the fake server.
 *
 * @author glm-spring-ai
 */
final class GlmContender implements Contender {

	private final GlmChatModel model;

	private final GlmProtocol protocol;

	private final boolean call;

	private GlmContender(GlmChatModel model, GlmProtocol protocol, boolean call) {
		this.model = model;
		this.protocol = protocol;
		this.call = call;
	}

	static GlmContender stream(GlmChatModel model) {
		return new GlmContender(model, model.getProtocol(), false);
	}

	static GlmContender call(GlmChatModel model) {
		return new GlmContender(model, model.getProtocol(), true);
	}

	/**
	 * A chat model for the fake server.
	 * @param protocol the protocol
	 * @param baseUrl the server
	 * @param maxConnections the connection pool size
	 * @return the model
	 */
	static GlmChatModel chatModel(GlmProtocol protocol, String baseUrl, int maxConnections) {
		GlmApi api = GlmApi.builder()
			.protocol(protocol)
			.baseUrl(baseUrl)
			.apiKey("sk-test")
			.maxConnections(maxConnections)
			.firstTokenTimeout(Duration.ofSeconds(60))
			.idleTimeout(Duration.ofSeconds(60))
			.build();
		return GlmChatModel.builder().api(api).options(GlmChatOptions.builder().model("glm-4.6").build()).build();
	}

	@Override
	public String name() {
		return this.call ? "GlmChatModel.call()" : "GlmChatModel.stream()";
	}

	@Override
	public GlmProtocol protocol() {
		return this.protocol;
	}

	@Override
	public Tally run(Scenario scenario) {
		Tally tally = new Tally();
		Prompt prompt = new Prompt(scenario.prompt());
		if (this.call) {
			ChatResponse response = this.model.call(prompt);
			tally.item();
			tally.answer(response.getResult().getOutput().getText());
			tally.reasoning(GlmReasoning.content(response));
			return tally;
		}
		this.model.stream(prompt).doOnNext((response) -> {
			tally.item();
			Generation generation = response.getResult();
			if (generation != null) {
				AssistantMessage message = generation.getOutput();
				tally.answer(message.getText());
				if (message.getMetadata().get(GlmReasoning.REASONING_DELTA) instanceof String delta) {
					tally.reasoning(delta);
				}
			}
		}).blockLast();
		return tally;
	}

	@Override
	public void close() {
		this.model.getApi().close();
	}

}
