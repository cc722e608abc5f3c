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

package io.github.glmspringai.samples.support;

import io.github.glmspringai.chat.GlmProtocol;
import org.jspecify.annotations.Nullable;

/**
 * How the sample runs, decided before the application context starts (see
 * {@link SampleSetupInitializer}).
 *
 * @param mode the mode
 * @param protocol the protocol of {@code spring.ai.glm.protocol}
 * @param offlineServerUrl the base URL of the offline simulation, in {@link Mode#OFFLINE}
 * @author glm-spring-ai
 */
public record SampleSetup(Mode mode, GlmProtocol protocol, @Nullable String offlineServerUrl) {

	/** Bean name of the setup. */
	public static final String BEAN_NAME = "sampleSetup";

	/** The profile that runs the offline simulation. */
	public static final String OFFLINE_PROFILE = "offline";

	private static final String BAILIAN_KEY = """
			  Alibaba Cloud Model Studio (百炼 / DashScope), protocols openai-compatible and dashscope:
			  create a key in the Model Studio console (https://bailian.console.aliyun.com/?apiKey=1), then

			    export DASHSCOPE_API_KEY=sk-...          (Windows: set DASHSCOPE_API_KEY=sk-...)
			""";

	private static final String ZHIPU_KEY = """
			  Zhipu BigModel (智谱开放平台) or Z.ai, protocol zhipu (--protocol=zhipu):
			  create a key in the BigModel console (https://open.bigmodel.cn/usercenter/apikeys)
			  or on Z.ai (https://z.ai/manage-apikey/apikey-list), then

			    export ZHIPUAI_API_KEY=...               (BigModel)
			    export ZAI_API_KEY=...                   (Z.ai; also --spring.ai.glm.base-url=https://api.z.ai)
			""";

	/**
	 * How to get going without a key: where to get one for each platform (the platform of
	 * the chosen protocol first), and how to run offline.
	 * @param sample the sample's module directory, e.g. {@code samples/glm-chat-console}
	 * @return the explanation
	 */
	public String missingKeyHelp(String sample) {
		boolean zhipu = this.protocol == GlmProtocol.ZHIPU;
		return """
				No API key for %3$s (protocol %4$s).

				To talk to the real GLM models, create a key and export it:

				%5$s
				%6$s
				or set the property spring.ai.glm.api-key. Then run the sample again.

				To try the sample without a key or network, start it with the Spring profile
				"offline" (scripted GLM streams served from inside the sample):

				    ./mvnw -q -pl %1$s spring-boot:run -Dspring-boot.run.profiles=offline

				or, with the jar built by ./mvnw package:

				    java -jar %1$s/target/%2$s-0.1.0-SNAPSHOT.jar --spring.profiles.active=offline

				(On a fresh clone, build the modules it needs once first:
				./mvnw -q -pl %1$s -am install -DskipTests)
				""".formatted(sample, sample.substring(sample.lastIndexOf('/') + 1),
				zhipu ? "Zhipu BigModel / Z.ai" : "Alibaba Cloud Model Studio (百炼 / DashScope)",
				this.protocol.getValue(), zhipu ? ZHIPU_KEY : BAILIAN_KEY, zhipu ? BAILIAN_KEY : ZHIPU_KEY);
	}

	/** How the sample runs. */
	public enum Mode {

		/**
		 * Against a scripted fake GLM server inside the sample (profile {@code offline}).
		 */
		OFFLINE,

		/** Against the real service with a configured key. */
		LIVE,

		/** Neither: the sample explains how to set a key or run offline. */
		NO_KEY

	}

}
