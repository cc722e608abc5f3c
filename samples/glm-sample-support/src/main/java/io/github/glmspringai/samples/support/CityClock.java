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

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/**
 * The demo tool: the current time in a city. The model cannot know the time; when asked,
 * it calls this method (through Spring AI's {@code ToolCallingAdvisor}) and answers from
 * its result. A {@link Listener} passed in the tool context under {@link #LISTENER} is
 * told about each call, so the application can show it.
 *
 * @author glm-spring-ai
 */
public class CityClock {

	/** Tool-context key of the {@link Listener}. */
	public static final String LISTENER = "cityClockListener";

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("北京", "Asia/Shanghai"),
			Map.entry("beijing", "Asia/Shanghai"), Map.entry("上海", "Asia/Shanghai"),
			Map.entry("shanghai", "Asia/Shanghai"), Map.entry("杭州", "Asia/Shanghai"),
			Map.entry("hangzhou", "Asia/Shanghai"), Map.entry("深圳", "Asia/Shanghai"),
			Map.entry("shenzhen", "Asia/Shanghai"), Map.entry("香港", "Asia/Hong_Kong"),
			Map.entry("hong kong", "Asia/Hong_Kong"), Map.entry("东京", "Asia/Tokyo"), Map.entry("tokyo", "Asia/Tokyo"),
			Map.entry("首尔", "Asia/Seoul"), Map.entry("seoul", "Asia/Seoul"), Map.entry("新加坡", "Asia/Singapore"),
			Map.entry("singapore", "Asia/Singapore"), Map.entry("伦敦", "Europe/London"),
			Map.entry("london", "Europe/London"), Map.entry("巴黎", "Europe/Paris"), Map.entry("paris", "Europe/Paris"),
			Map.entry("柏林", "Europe/Berlin"), Map.entry("berlin", "Europe/Berlin"), Map.entry("纽约", "America/New_York"),
			Map.entry("new york", "America/New_York"), Map.entry("旧金山", "America/Los_Angeles"),
			Map.entry("san francisco", "America/Los_Angeles"), Map.entry("悉尼", "Australia/Sydney"),
			Map.entry("sydney", "Australia/Sydney"));

	private final Clock clock;

	/** A clock tool on the system clock. */
	public CityClock() {
		this(Clock.systemUTC());
	}

	CityClock(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The current local time in a city.
	 * @param city the city
	 * @param toolContext carries the {@link Listener}, if any
	 * @return e.g. {@code 2026-05-01 14:03:22 (Asia/Tokyo, UTC+09:00)}, or an explanation
	 * when the city is unknown
	 */
	@Tool(description = "Current local date and time in a city. Use it whenever the user asks what time it is somewhere.")
	public String currentTime(@ToolParam(description = "City name, for example 东京 or Tokyo") String city,
			ToolContext toolContext) {
		String result = timeIn(city);
		if (toolContext.getContext().get(LISTENER) instanceof Listener listener) {
			listener.called("currentTime", city, result);
		}
		return result;
	}

	String timeIn(String city) {
		String key = city.strip().toLowerCase(Locale.ROOT);
		String zone = ZONES.get(key);
		if (zone == null) {
			zone = ZoneId.getAvailableZoneIds()
				.stream()
				.filter((id) -> id.toLowerCase(Locale.ROOT).endsWith("/" + key.replace(' ', '_')))
				.findFirst()
				.orElse(null);
		}
		if (zone == null) {
			return "Unknown city: " + city + ". Known cities include 北京, 上海, 东京, 伦敦, 纽约 and most time-zone capitals.";
		}
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(ZoneId.of(zone)));
		return FORMAT.format(now) + " (" + zone + ", UTC" + now.getOffset().getId().replace("Z", "+00:00") + ")";
	}

	/** Told about each tool call. */
	@FunctionalInterface
	public interface Listener {

		/**
		 * A tool was called.
		 * @param tool the tool name
		 * @param argument its argument
		 * @param result what it returned
		 */
		void called(String tool, String argument, String result);

	}

}
