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

package io.github.glmspringai.samples.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A streaming chat page for GLM on Bailian or Zhipu's BigModel / Z.ai: the reasoning
 * fills a collapsible pane as it arrives, the answer is rendered live as Markdown, a Stop
 * button cancels the stream and the request to the service, a demo tool answers "what
 * time is it in ...", and each browser session has its own conversation memory.
 *
 * <pre>
 * ./mvnw -q -pl samples/glm-chat-web -am spring-boot:run -Dspring-boot.run.profiles=offline
 * </pre>
 *
 * then open http://localhost:8080.
 *
 * @author glm-spring-ai
 */
@SpringBootApplication
public class GlmChatWebApplication {

	/**
	 * Start the web application.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(GlmChatWebApplication.class, args);
	}

}
