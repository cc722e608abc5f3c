/*
 * Copyright 2026-present the original author or authors.
 * Licensed under the Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0).
 *
 * The chat page: posts a question (with the chosen model, reasoning effort and thinking
 * switch) to /api/chat and reads the server-sent events (reasoning, answer, tool, usage,
 * error) from the response body as they arrive.
 * Stop aborts the request; the server then cancels the request to the model.
 */
(function () {
	'use strict';

	var conversation = document.getElementById('conversation');
	var form = document.getElementById('ask-form');
	var questionBox = document.getElementById('question');
	var sendButton = document.getElementById('send');
	var stopButton = document.getElementById('stop');
	var newButton = document.getElementById('new-conversation');
	var examples = document.getElementById('examples');
	var banner = document.getElementById('banner');
	var badge = document.getElementById('mode-badge');
	var template = document.getElementById('turn-template');
	var settings = document.getElementById('settings');
	var platform = document.getElementById('platform');
	var protocol = document.getElementById('protocol');
	var modelSelect = document.getElementById('model');
	var effortSelect = document.getElementById('effort');
	var thinkingBox = document.getElementById('thinking');
	var efforts = {}; // model id -> the reasoning-effort values it takes

	// The answer's Markdown: raw HTML in it is shown as text, bare URLs become links, images
	// are not loaded (an answer could point them anywhere), and the HTML is sanitised again
	// by DOMPurify before it reaches the page. Links open in a new tab.
	var markdown = window.markdownit({ html: false, linkify: true }).disable('image');
	window.DOMPurify.addHook('afterSanitizeAttributes', function (node) {
		if (node.tagName === 'A' && node.hasAttribute('href')) {
			node.setAttribute('target', '_blank');
			node.setAttribute('rel', 'noopener noreferrer');
		}
	});

	function renderMarkdown(source) {
		return window.DOMPurify.sanitize(markdown.render(source),
			{ FORBID_TAGS: ['img', 'style'], RETURN_DOM_FRAGMENT: true });
	}

	var current = null; // { controller, turn }
	var available = true;

	var EXAMPLES = {
		offline: ['你是谁', '东京现在几点?', '写一篇长文介绍 Spring AI', '模拟注入 HTML', '模拟限流', '模拟断网'],
		live: ['你是谁', '东京现在几点?', '用三句话介绍 Spring AI']
	};

	function text(element, value) {
		element.textContent = value;
		return element;
	}

	function option(select, value, label) {
		var item = text(document.createElement('option'), label || value);
		item.value = value;
		select.appendChild(item);
	}

	// The effort selector offers the values of the selected model; "default" sends none.
	function showEfforts() {
		var chosen = effortSelect.value;
		effortSelect.replaceChildren();
		option(effortSelect, '', '默认 default');
		(efforts[modelSelect.value] || []).forEach(function (value) {
			option(effortSelect, value);
		});
		effortSelect.value = (efforts[modelSelect.value] || []).indexOf(chosen) >= 0 ? chosen : '';
	}

	function showSettings(status) {
		text(protocol, status.protocol);
		(status.models || []).forEach(function (model) {
			efforts[model.id] = model.efforts;
			option(modelSelect, model.id);
		});
		modelSelect.value = status.model;
		showEfforts();
		settings.hidden = false;
	}

	function loadStatus() {
		fetch('api/status').then(function (response) {
			return response.json();
		}).then(function (status) {
			badge.hidden = false;
			text(platform, status.protocol === 'zhipu' ? '智谱 BigModel / Z.ai' : '阿里云百炼');
			if (status.mode !== 'no-key') {
				showSettings(status);
			}
			if (status.mode === 'offline') {
				badge.className = 'badge offline';
				text(badge, 'offline simulation');
				banner.className = 'banner offline';
				banner.innerHTML = '<strong>offline simulation</strong> — answers come from a scripted fake GLM server '
					+ 'inside this application (<code></code>): no network, no API key. Try the examples below: '
					+ 'thinking, Markdown, a tool call, a long answer to stop, HTML that must stay text, '
					+ 'and simulated errors.';
				text(banner.querySelector('code'), status.offlineServerUrl);
				banner.hidden = false;
			}
			else if (status.mode === 'live') {
				badge.className = 'badge live';
				text(badge, 'live · ' + status.model + ' · ' + status.protocol);
			}
			else {
				badge.className = 'badge no-key';
				text(badge, 'no API key');
				banner.className = 'banner no-key';
				banner.innerHTML = '<strong>No API key — nothing to ask yet.</strong><pre></pre>';
				text(banner.querySelector('pre'), status.help);
				banner.hidden = false;
				available = false;
				questionBox.disabled = true;
				sendButton.disabled = true;
			}
			(EXAMPLES[status.mode] || []).forEach(function (example) {
				var chip = text(document.createElement('button'), example);
				chip.type = 'button';
				chip.className = 'chip';
				chip.addEventListener('click', function () {
					if (!current && available) {
						ask(example);
					}
				});
				examples.appendChild(chip);
			});
		}).catch(function () {
			banner.className = 'banner no-key';
			text(banner, 'Cannot reach this web application. Is it running?');
			banner.hidden = false;
		});
	}

	function setBusy(busy) {
		sendButton.disabled = busy || !available;
		stopButton.disabled = !busy;
		newButton.disabled = busy;
		document.body.classList.toggle('busy', busy);
	}

	function nearBottom() {
		return window.innerHeight + window.scrollY >= document.body.scrollHeight - 120;
	}

	function follow(wasNearBottom) {
		if (wasNearBottom) {
			window.scrollTo(0, document.body.scrollHeight);
		}
	}

	function newTurn(question) {
		var turn = template.content.firstElementChild.cloneNode(true);
		text(turn.querySelector('.question'), question);
		conversation.appendChild(turn);
		window.scrollTo(0, document.body.scrollHeight);
		return turn;
	}

	function ask(question) {
		var turn = newTurn(question);
		var reasoningPane = turn.querySelector('.reasoning');
		var reasoningText = turn.querySelector('.reasoning-text');
		var reasoningStatus = turn.querySelector('.reasoning-status');
		var tools = turn.querySelector('.tools');
		var answerBox = turn.querySelector('.answer');
		var status = turn.querySelector('.status');
		var controller = new AbortController();
		var started = performance.now();
		var answer = '';
		var reasoning = '';
		var failed = false;
		var renderPending = false;
		current = { controller: controller, turn: turn };
		setBusy(true);

		function renderAnswer() {
			renderPending = false;
			var wasNearBottom = nearBottom();
			answerBox.replaceChildren(renderMarkdown(answer));
			follow(wasNearBottom);
		}

		function mark(name) {
			if (!turn.dataset[name]) {
				turn.dataset[name] = String(Math.round((performance.now() - started) * 1000) / 1000);
			}
		}

		function handle(name, data) {
			var wasNearBottom = nearBottom();
			if (name === 'reasoning') {
				mark('firstReasoningMs');
				reasoning += data.text;
				reasoningPane.hidden = false;
				reasoningText.textContent = reasoning;
				reasoningText.scrollTop = reasoningText.scrollHeight;
			}
			else if (name === 'answer') {
				mark('firstAnswerMs');
				answer += data.text;
				if (reasoning) {
					text(reasoningStatus, reasoning.length + ' chars');
				}
				if (!renderPending) {
					renderPending = true;
					window.requestAnimationFrame(renderAnswer);
				}
			}
			else if (name === 'tool') {
				if (reasoning) {
					// the next round of thinking starts a new paragraph
					reasoning += '\n\n';
				}
				var line = document.createElement('div');
				line.className = 'tool';
				text(line.appendChild(document.createElement('span')), '工具调用 tool');
				line.appendChild(document.createTextNode(' ' + data.name + '(' + data.argument + ') → ' + data.result));
				tools.appendChild(line);
			}
			else if (name === 'usage') {
				status.className = 'status usage';
				text(status, 'Token 消耗: prompt ' + data.promptTokens + ' · completion ' + data.completionTokens
					+ ' · reasoning ' + (data.reasoningTokens == null ? 'n/a' : data.reasoningTokens)
					+ ' · total ' + data.totalTokens + (data.model ? ' · ' + data.model : ''));
			}
			else if (name === 'error') {
				failed = true;
				status.className = 'status error';
				text(status, data.message);
			}
			follow(wasNearBottom);
		}

		function dispatch(block) {
			var name = 'message';
			var data = [];
			block.split(/\r?\n/).forEach(function (line) {
				var colon = line.indexOf(':');
				if (colon <= 0) {
					return;
				}
				var field = line.slice(0, colon);
				var value = line.slice(colon + 1).replace(/^ /, '');
				if (field === 'event') {
					name = value;
				}
				else if (field === 'data') {
					data.push(value);
				}
			});
			if (data.length) {
				handle(name, JSON.parse(data.join('\n')));
			}
		}

		function finish(state, message) {
			if (renderPending) {
				renderAnswer();
			}
			turn.dataset.state = state;
			text(reasoningStatus, reasoning ? reasoning.length + ' chars' : '');
			if (message) {
				status.className = 'status ' + state;
				text(status, message);
			}
			current = null;
			setBusy(false);
			questionBox.focus();
		}

		fetch('api/chat', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
			body: JSON.stringify({ question: question, model: modelSelect.value, effort: effortSelect.value,
				thinking: thinkingBox.checked }),
			signal: controller.signal
		}).then(function (response) {
			if (!response.ok || !response.body) {
				throw new Error('HTTP ' + response.status);
			}
			var reader = response.body.getReader();
			var decoder = new TextDecoder();
			var buffer = '';
			function pump() {
				return reader.read().then(function (chunk) {
					if (chunk.done) {
						if (buffer.trim()) {
							dispatch(buffer);
						}
						return;
					}
					buffer += decoder.decode(chunk.value, { stream: true });
					var end;
					while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
						var block = buffer.slice(0, end);
						buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
						dispatch(block);
					}
					return pump();
				});
			}
			return pump();
		}).then(function () {
			finish(failed ? 'error' : 'done');
		}).catch(function (error) {
			if (error && error.name === 'AbortError') {
				finish('stopped', '已停止 Stopped: the answer and the request to the model were cancelled.');
			}
			else {
				finish('error', 'Lost the connection to this web application (' + (error && error.message) + ').');
			}
		});
	}

	form.addEventListener('submit', function (event) {
		event.preventDefault();
		var question = questionBox.value.trim();
		if (!question || current || !available) {
			return;
		}
		questionBox.value = '';
		ask(question);
	});

	questionBox.addEventListener('keydown', function (event) {
		if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
			event.preventDefault();
			form.requestSubmit();
		}
	});

	modelSelect.addEventListener('change', showEfforts);

	stopButton.addEventListener('click', function () {
		if (current) {
			current.controller.abort();
		}
	});

	newButton.addEventListener('click', function () {
		fetch('api/new-conversation', { method: 'POST' }).then(function () {
			conversation.innerHTML = '';
			questionBox.focus();
		});
	});

	loadStatus();
	questionBox.focus();
})();
