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

import java.util.List;

import com.alibaba.dashscope.aigc.generation.Generation;
import com.alibaba.dashscope.aigc.generation.GenerationOutput;
import com.alibaba.dashscope.aigc.generation.GenerationParam;
import com.alibaba.dashscope.aigc.generation.GenerationResult;
import com.alibaba.dashscope.common.Message;
import com.alibaba.dashscope.common.Role;
import com.alibaba.dashscope.exception.NoApiKeyException;
import com.alibaba.dashscope.protocol.Protocol;
import io.github.glmspringai.chat.GlmProtocol;
import io.reactivex.Flowable;

/**
 * The official {@code dashscope-sdk-java} (2.22.13, OkHttp + okhttp-sse + Gson + RxJava)
 * {@link Generation#streamCall} against the native endpoint.
 *
 * @author glm-spring-ai
 */
final class DashScopeSdkContender implements Contender {

	private final Generation generation;

	DashScopeSdkContender(String baseUrl) {
		this.generation = new Generation(Protocol.HTTP.getValue(), baseUrl + "/api/v1");
	}

	@Override
	public String name() {
		return "DashScope SDK Generation.streamCall 2.22.13";
	}

	@Override
	public GlmProtocol protocol() {
		return GlmProtocol.DASHSCOPE;
	}

	/**
	 * Start a stream.
	 * @param scenario the scenario
	 * @return the results
	 * @throws Exception when the SDK refuses the request
	 */
	Flowable<GenerationResult> stream(Scenario scenario) throws Exception {
		return this.generation.streamCall(param(scenario));
	}

	static GenerationParam param(Scenario scenario) throws NoApiKeyException {
		return GenerationParam.builder()
			.apiKey("sk-test")
			.model("glm-4.6")
			.messages(List.of(Message.builder().role(Role.USER.getValue()).content(scenario.prompt()).build()))
			.resultFormat(GenerationParam.ResultFormat.MESSAGE)
			.incrementalOutput(true)
			.build();
	}

	/**
	 * The first choice's message of a result.
	 * @param result the result
	 * @return the message or {@code null}
	 */
	static @org.jspecify.annotations.Nullable Message message(GenerationResult result) {
		GenerationOutput output = result.getOutput();
		if (output == null || output.getChoices() == null || output.getChoices().isEmpty()) {
			return null;
		}
		return output.getChoices().get(0).getMessage();
	}

	@Override
	public Tally run(Scenario scenario) throws Exception {
		Tally tally = new Tally();
		stream(scenario).blockingForEach((result) -> {
			tally.item();
			Message message = message(result);
			if (message != null) {
				tally.answer(message.getContent());
				tally.reasoning(message.getReasoningContent());
			}
		});
		return tally;
	}

}
