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

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Spring AI's {@link OpenAiChatModel} (2.0.1, on the openai-java SDK and OkHttp)
 * streaming from the compatible endpoint. Its {@code call()} cannot be measured: it sends
 * a non-streaming request, which GLM on Bailian rejects.
 *
 * @author glm-spring-ai
 */
final class SpringAiOpenAiContender implements Contender {

	private final OpenAiChatModel model;

	SpringAiOpenAiContender(String baseUrl) {
		OpenAiChatOptions options = OpenAiChatOptions.builder()
			.baseUrl(baseUrl + "/compatible-mode/v1")
			.apiKey("sk-test")
			.model("glm-4.6")
			.maxRetries(0)
			.build();
		this.model = OpenAiChatModel.builder().options(options).build();
	}

	@Override
	public String name() {
		return "Spring AI OpenAiChatModel.stream() 2.0.1";
	}

	@Override
	public GlmProtocol protocol() {
		return GlmProtocol.OPENAI_COMPATIBLE;
	}

	@Override
	public Tally run(Scenario scenario) {
		Tally tally = new Tally();
		String[] reasoning = new String[1];
		this.model.stream(new Prompt(scenario.prompt())).doOnNext((response) -> {
			tally.item();
			Generation generation = response.getResult();
			if (generation != null) {
				AssistantMessage message = generation.getOutput();
				tally.answer(message.getText());
				// the module puts the reasoning accumulated so far on every chunk
				if (message.getMetadata().get("reasoningContent") instanceof String accumulated
						&& !accumulated.isEmpty()) {
					reasoning[0] = accumulated;
				}
			}
		}).blockLast();
		tally.reasoning(reasoning[0]);
		return tally;
	}

}
