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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The chat page in a headless Chromium
 * ({@code apt-get install chromium chromium-driver}): opens it, asks questions, waits for
 * the answer's state, saves screenshots to {@code target/screenshots/}.
 *
 * @author glm-spring-ai
 */
final class ChatPage implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver browser;

	private final Path profile;

	private ChatPage(ChromeDriver browser, Path profile) {
		this.browser = browser;
		this.profile = profile;
	}

	/**
	 * Start Chromium; the calling test is skipped when it is not installed.
	 */
	static ChatPage start() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Chromium is not installed (apt-get install chromium chromium-driver)");
		Path profile = Files.createTempDirectory("glm-chat-web-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--disable-dev-shm-usage", "--window-size=1280,2000", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChatPage(new ChromeDriver(service, options), profile);
	}

	ChromeDriver browser() {
		return this.browser;
	}

	void open(int port) {
		this.browser.get("http://localhost:" + port + "/");
		waitFor(() -> !this.browser.findElement(By.id("mode-badge")).getText().isEmpty());
	}

	WebElement ask(String question) {
		if (!this.browser.getCurrentUrl().startsWith("http://localhost")) {
			throw new IllegalStateException("page not open");
		}
		int turns = this.browser.findElements(By.cssSelector("#conversation .turn")).size();
		WebElement box = this.browser.findElement(By.id("question"));
		box.clear();
		box.sendKeys(question);
		this.browser.findElement(By.id("send")).click();
		waitFor(() -> this.browser.findElements(By.cssSelector("#conversation .turn")).size() == turns + 1);
		return this.browser.findElements(By.cssSelector("#conversation .turn")).get(turns);
	}

	/**
	 * One of the page's selectors ({@code model}, {@code effort}).
	 */
	Select select(String id) {
		return new Select(this.browser.findElement(By.id(id)));
	}

	void waitForState(WebElement turn, String state) {
		waitFor(() -> !"streaming".equals(turn.getDomAttribute("data-state")));
		assertThat(turn.getDomAttribute("data-state")).as(turn.getText()).isEqualTo(state);
	}

	void waitFor(Condition condition) {
		new WebDriverWait(this.browser, Duration.ofSeconds(20), Duration.ofMillis(20))
			.until((driver) -> condition.met());
	}

	void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.copy(this.browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.browser.quit();
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	@FunctionalInterface
	interface Condition {

		boolean met();

	}

}
