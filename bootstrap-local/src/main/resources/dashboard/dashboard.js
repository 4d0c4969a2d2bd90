// The local dashboard: polls /dashboard/history every second and redraws four uPlot charts and the figures above
// them. Plain script, no build step; uPlot is served by the stack from its WebJar.
(function () {
  "use strict";

  var POLL_MILLIS = 1000;
  var charts = {};

  function width(id) {
    return Math.max(320, document.getElementById(id).clientWidth - 16);
  }

  function chart(id, title, series, yLabel) {
    var options = {
      title: title,
      width: width(id),
      height: 240,
      scales: { x: { time: true } },
      series: [{}].concat(series),
      axes: [{}, { label: yLabel }]
    };
    var empty = [[]].concat(series.map(function () { return []; }));
    charts[id] = new uPlot(options, empty, document.getElementById(id));
  }

  function line(label, stroke, dash) {
    return { label: label, stroke: stroke, width: 2, dash: dash, spanGaps: false };
  }

  chart("rates", "accepted vs written per second", [line("accepted/s", "#1f77b4"), line("written/s", "#2ca02c")],
    "per second");
  chart("depths", "queue depth and dead letters", [line("queue depth", "#ff7f0e"), line("dead letters", "#d62728")],
    "messages");
  chart("connections-chart", "database connections in use against the budget",
    [line("in use", "#9467bd"), line("budget (DB_MAX_CONNECTIONS)", "#d62728", [6, 4])], "connections");
  chart("lag", "lag: accepted at the door → written (seconds)", [line("p50", "#17becf"), line("p99", "#e377c2")],
    "seconds");

  function text(id, value) {
    var element = document.getElementById(id);
    element.textContent = value === null || value === undefined ? "–" : String(value);
    element.setAttribute("data-value", value === null || value === undefined ? "" : String(value));
  }

  function draw(history) {
    var t = history.time;
    var budget = t.map(function () { return history.connectionBudget; });
    charts["rates"].setData([t, history.acceptedPerSecond, history.writtenPerSecond]);
    charts["depths"].setData([t, history.queueDepth, history.deadLetters]);
    charts["connections-chart"].setData([t, history.connectionsInUse, budget]);
    charts["lag"].setData([t, history.lagP50Seconds, history.lagP99Seconds]);
    var latest = history.latest;
    text("budget", history.connectionBudget);
    if (latest) {
      text("accepted", latest.accepted);
      text("written", latest.written);
      // On the queue on PostgreSQL the door refuses webhooks (503) once the depth reaches its bound.
      var full = history.queueMaxDepth !== null && history.queueMaxDepth !== undefined
        && latest.queueDepth !== null && latest.queueDepth >= history.queueMaxDepth;
      text("queue-depth", latest.queueDepth);
      text("queue-bound", history.queueMaxDepth === null || history.queueMaxDepth === undefined ? ""
        : (full ? "FULL: webhooks answered 503 (QUEUE_MAX_DEPTH " : "of QUEUE_MAX_DEPTH ") + history.queueMaxDepth
          + (full ? ")" : ""));
      text("dead-letters", latest.deadLetters);
      text("connections", latest.connectionsInUse);
      // The last second often wrote nothing: show the latest second that did.
      var lag = history.lagP99Seconds.filter(function (v) { return v !== null; }).pop();
      text("lag-p99", lag === undefined ? null : lag.toFixed(3) + " s");
      document.getElementById("updated").textContent =
        "Last sample " + new Date(latest.epochMillis).toLocaleTimeString() + ".";
    }
  }

  function poll() {
    fetch("/dashboard/history", { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) { throw new Error("history answered " + response.status); }
        return response.json();
      })
      .then(function (history) {
        document.getElementById("problem").textContent = "";
        draw(history);
      })
      .catch(function (error) {
        document.getElementById("problem").textContent = "Cannot reach the stack: " + error.message;
      })
      .finally(function () { setTimeout(poll, POLL_MILLIS); });
  }

  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) { charts[id].setSize({ width: width(id), height: 240 }); });
  });
  poll();
}());
