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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code region} picks the Bailian host; a workspace turns it into the region's workspace
 * domain; an explicit base URL wins (issue 12, item 5).
 */
class GlmRegionTests {

	private static final String KEY = "sk-region-test";

	@ParameterizedTest
	@CsvSource({ "CN_BEIJING, https://dashscope.aliyuncs.com", "AP_SINGAPORE, https://dashscope-intl.aliyuncs.com",
			"US_VIRGINIA, https://dashscope-us.aliyuncs.com" })
	void aRegionWithAPublicDomainNeedsNoWorkspace(GlmRegion region, String host) {
		for (GlmWireProtocol protocol : new GlmWireProtocol[] { GlmWireProtocol.OPENAI_COMPATIBLE,
				GlmWireProtocol.DASHSCOPE }) {
			try (GlmApi api = GlmApi.builder().apiKey(KEY).protocol(protocol).region(region).build()) {
				assertThat(api.toString()).contains("endpoint=" + host + protocol.getDefaultPath());
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "CN_BEIJING, cn-beijing", "AP_SINGAPORE, ap-southeast-1", "US_VIRGINIA, us-east-1",
			"EU_FRANKFURT, eu-central-1", "CN_HONGKONG, cn-hongkong" })
	void withAWorkspaceEveryRegionUsesItsWorkspaceDomain(GlmRegion region, String code) {
		try (GlmApi api = GlmApi.builder()
			.apiKey(KEY)
			.protocol(GlmWireProtocol.DASHSCOPE)
			.region(region)
			.workspace("ws-1a2b")
			.build()) {
			assertThat(api.toString()).contains("endpoint=https://ws-1a2b." + code + ".maas.aliyuncs.com/api/v1/")
				.contains("workspace=ws-1a2b");
		}
	}

	@Test
	void regionsWithOnlyWorkspaceDomainsFailWithoutAWorkspace() {
		for (GlmRegion region : new GlmRegion[] { GlmRegion.EU_FRANKFURT, GlmRegion.CN_HONGKONG }) {
			assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).region(region).build())
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("region " + region.getValue())
				.hasMessageContaining("spring.ai.glm.workspace");
		}
	}

	@Test
	void anExplicitBaseUrlWinsAndTheZhipuProtocolTakesNoRegion() {
		try (GlmApi api = GlmApi.builder()
			.apiKey(KEY)
			.region(GlmRegion.EU_FRANKFURT)
			.baseUrl("https://gateway.example.com")
			.build()) {
			assertThat(api.toString()).contains("endpoint=https://gateway.example.com/compatible-mode/");
		}
		assertThatThrownBy(
				() -> GlmApi.builder().apiKey(KEY).protocol(GlmWireProtocol.ZHIPU).region(GlmRegion.CN_BEIJING).build())
			.hasMessageContaining("Bailian region")
			.hasMessageContaining("https://api.z.ai");
		assertThatThrownBy(() -> GlmApi.builder().apiKey(KEY).region(GlmRegion.CN_BEIJING).workspace("bad.ws").build())
			.hasMessageContaining("workspace 'bad.ws'");
	}

}
