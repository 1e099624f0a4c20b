/* warta web view: the map, the timeline and the actor network, drawn with the vendored d3 (and
   topojson-client + world-atlas for the map).  Data comes from a <script type="application/json">
   block on the page; nothing is fetched from outside this server. */
(function () {
  "use strict";
  var QUAD = {1: "#2563eb", 2: "#059669", 3: "#d97706", 4: "#dc2626"};
  var INDONESIA = [[94.5, -11.5], [141.5, 6.5]];

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function params(el) {
    return new URLSearchParams((el.getAttribute("data-params") || "").replace(/^\?/, ""));
  }

  function tip(container) {
    var div = document.createElement("div");
    div.className = "tip";
    div.hidden = true;
    container.appendChild(div);
    return {
      show: function (event, text) {
        var box = container.getBoundingClientRect();
        div.textContent = text;
        div.hidden = false;
        div.style.left = (event.clientX - box.left + 12) + "px";
        div.style.top = (event.clientY - box.top + 12) + "px";
      },
      hide: function () { div.hidden = true; }
    };
  }

  // -- map -----------------------------------------------------------------------------------
  function drawMap() {
    var el = document.getElementById("map");
    if (!el) return;
    var d = data("map-data") || {events: [], places: []};
    var W = 960, H = 470;
    var svg = d3.select(el).append("svg").attr("viewBox", "0 0 " + W + " " + H)
      .attr("role", "img").attr("aria-label", "map of events");
    var g = svg.append("g");
    var landLayer = g.append("g").attr("class", "lands");
    var mentionLayer = g.append("g").attr("class", "mentions");
    var pointLayer = g.append("g").attr("class", "points");
    var labelLayer = g.append("g").attr("class", "labels");
    var projection = d3.geoEquirectangular().fitExtent([[4, 4], [W - 4, H - 4]], {type: "Sphere"});
    var path = d3.geoPath(projection);
    var max = d3.max(d.events, function (p) { return p.count; }) || 1;
    var radius = d3.scaleSqrt().domain([1, max]).range([4, 16]);
    var t = tip(el);
    var k = 1;
    var base = params(el);

    function xy(p) { return projection([p.lon, p.lat]); }

    function restyle() {
      pointLayer.selectAll("circle.point").attr("r", function (p) { return radius(p.count) / k; })
        .attr("stroke-width", 1 / k);
      mentionLayer.selectAll("circle.mention").attr("r", function (p) {
        return Math.min(6, 1.5 + Math.sqrt(p.mentions)) / k;
      });
      labelLayer.selectAll("text.label").attr("font-size", 12 / k).attr("stroke-width", 3 / k)
        .attr("x", function (p) { return xy(p)[0] + (radius(p.count) + 3) / k; })
        .attr("y", function (p) { return xy(p)[1] + 4 / k; });
      landLayer.selectAll("path").attr("stroke-width", 0.5 / k);
      var placed = [];  // the bigger places keep their labels; a label that would overlap one is hidden
      labelLayer.selectAll("text.label").each(function () {
        var b = this.getBBox();
        var hit = placed.some(function (o) {
          return b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height;
        });
        this.setAttribute("visibility", hit ? "hidden" : "visible");
        if (!hit) placed.push(b);
      });
    }

    function drawPoints(points) {
      var sel = pointLayer.selectAll("circle.point").data(points, function (p) { return p.near || p.country; });
      sel.enter().append("circle").attr("class", "point")
        .attr("data-name", function (p) { return p.name; })
        .attr("data-count", function (p) { return p.count; })
        .attr("fill", function (p) { return QUAD[p.quad_class] || "#6b7280"; })
        .attr("cx", function (p) { return xy(p)[0]; })
        .attr("cy", function (p) { return xy(p)[1]; })
        .on("mousemove", function (event, p) {
          var types = Object.keys(p.types).map(function (x) { return x + " " + p.types[x]; }).join(", ");
          t.show(event, p.names.join(" / ") + (p.country ? " (" + p.country + ")" : "") + ": " + p.count + " event(s) — " + types);
        })
        .on("mouseleave", t.hide)
        .on("click", function (event, p) {
          var q = new URLSearchParams(base);
          if (p.near) q.set("near", p.near); else q.set("place", p.name);
          window.location.href = "/events?" + q.toString();
        });
      pointLayer.selectAll("circle.point").sort(function (a, b) { return b.count - a.count; });
      var top = points.slice(0, 10);
      labelLayer.selectAll("text.label").data(top, function (p) { return p.near || p.country; }).enter()
        .append("text").attr("class", "label").text(function (p) { return p.name; });
      restyle();
    }

    var located = d.events.filter(function (p) { return p.lat !== null && p.lon !== null; });
    drawPoints(located);

    mentionLayer.selectAll("circle.mention").data(d.places).enter().append("circle").attr("class", "mention")
      .attr("cx", function (p) { return xy(p)[0]; }).attr("cy", function (p) { return xy(p)[1]; })
      .attr("r", function (p) { return Math.min(6, 1.5 + Math.sqrt(p.mentions)) / k; });
    mentionLayer.attr("display", "none");
    var toggle = document.getElementById("show-places");
    if (toggle) toggle.addEventListener("change", function () {
      mentionLayer.attr("display", toggle.checked ? null : "none");
    });

    var zoom = d3.zoom().scaleExtent([1, 60]).on("zoom", function (event) {
      k = event.transform.k;
      g.attr("transform", event.transform);
      restyle();
    });
    svg.call(zoom);

    function zoomTo(bounds, ms) {
      var a = projection(bounds[0]), b = projection(bounds[1]);
      var x0 = Math.min(a[0], b[0]), x1 = Math.max(a[0], b[0]), y0 = Math.min(a[1], b[1]), y1 = Math.max(a[1], b[1]);
      var scale = Math.min(60, 0.92 / Math.max((x1 - x0) / W, (y1 - y0) / H));
      var transform = d3.zoomIdentity.translate(W / 2, H / 2).scale(scale).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
      svg.transition().duration(ms || 0).call(zoom.transform, transform);
    }

    var inIndonesia = located.filter(function (p) {
      return p.lon >= INDONESIA[0][0] && p.lon <= INDONESIA[1][0] && p.lat >= INDONESIA[0][1] && p.lat <= INDONESIA[1][1];
    }).reduce(function (s, p) { return s + p.count; }, 0);
    var all = located.reduce(function (s, p) { return s + p.count; }, 0);
    if (all && inIndonesia >= all / 2) zoomTo(INDONESIA, 0);
    document.getElementById("zoom-idn").addEventListener("click", function () { zoomTo(INDONESIA, 600); });
    document.getElementById("zoom-world").addEventListener("click", function () {
      svg.transition().duration(600).call(zoom.transform, d3.zoomIdentity);
    });

    fetch("/static/vendor/world-atlas/countries-50m.json").then(function (r) { return r.json(); }).then(function (world) {
      var countries = topojson.feature(world, world.objects.countries).features;
      landLayer.selectAll("path").data(countries).enter().append("path")
        .attr("class", function (f) { return "land" + (f.id === "360" ? " idn" : ""); })
        .attr("d", path).attr("stroke-width", 0.5 / k)
        .append("title").text(function (f) { return f.properties.name; });
      var byId = new Map(countries.map(function (f) { return [f.id, f]; }));
      var central = d.events.filter(function (p) { return p.lat === null && p.numeric && byId.has(p.numeric); })
        .map(function (p) {
          var c = d3.geoCentroid(byId.get(p.numeric));
          return Object.assign({}, p, {lon: c[0], lat: c[1]});
        });
      drawPoints(located.concat(central).sort(function (a, b) { return b.count - a.count; }));
      el.setAttribute("data-ready", "1");
    }).catch(function (err) {
      el.setAttribute("data-ready", "error");
      document.getElementById("map-info").textContent = "the world map could not be loaded: " + err;
    });
  }

  // -- timeline ------------------------------------------------------------------------------------
  function periodRange(period, value) {
    if (period === "week") {
      var start = new Date(value + "T00:00:00Z");
      var end = new Date(start.getTime() + 6 * 86400000);
      return [value, end.toISOString().slice(0, 10)];
    }
    return [value, value];
  }

  function drawTimeline() {
    var el = document.getElementById("timeline");
    if (!el) return;
    var d = data("timeline-data");
    if (!d || !d.bins.length) return;
    var W = 960, H = 360, M = {top: 12, right: 12, bottom: 48, left: 40};
    var svg = d3.select(el).append("svg").attr("viewBox", "0 0 " + W + " " + H)
      .attr("role", "img").attr("aria-label", "events over time");
    var x = d3.scaleBand().domain(d.bins.map(function (b) { return b.period; }))
      .range([M.left, W - M.right]).padding(0.15);
    var y = d3.scaleLinear().domain([0, d3.max(d.bins, function (b) { return b.total; }) || 1]).nice()
      .range([H - M.bottom, M.top]);
    var color = d3.scaleOrdinal().domain(d.types).range(d3.schemeTableau10.concat(d3.schemeSet3));
    var stack = d3.stack().keys(d.types).value(function (b, key) { return b.counts[key] || 0; })(d.bins);
    var t = tip(el);
    var base = params(el);

    function go(first, last) {
      var q = new URLSearchParams(base);
      q.set("since", periodRange(d.period, first)[0]);
      q.set("until", periodRange(d.period, last)[1]);
      window.location.href = "/events?" + q.toString();
    }

    svg.append("g").selectAll("g").data(stack).enter().append("g").attr("fill", function (s) { return color(s.key); })
      .attr("data-type", function (s) { return s.key; })
      .selectAll("rect").data(function (s) { return s.map(function (v) { return {v: v, key: s.key}; }); })
      .enter().filter(function (r) { return r.v[1] > r.v[0]; }).append("rect").attr("class", "bar")
      .attr("x", function (r) { return x(r.v.data.period); }).attr("width", x.bandwidth())
      .attr("y", function (r) { return y(r.v[1]); }).attr("height", function (r) { return y(r.v[0]) - y(r.v[1]); });

    var ticks = x.domain().filter(function (_, i, all) { return all.length <= 24 || i % Math.ceil(all.length / 24) === 0; });
    svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (H - M.bottom) + ")")
      .call(d3.axisBottom(x).tickValues(ticks))
      .selectAll("text").attr("transform", "rotate(-35)").attr("text-anchor", "end").attr("dx", "-.4em").attr("dy", ".6em");
    svg.append("g").attr("class", "axis").attr("transform", "translate(" + M.left + ",0)")
      .call(d3.axisLeft(y).ticks(6).tickFormat(d3.format("d")));

    function bandAt(event) {
      var px = d3.pointer(event, svg.node())[0];
      return x.domain().find(function (p) { return px >= x(p) && px <= x(p) + x.bandwidth(); });
    }

    // the brush lies over the bars: a drag selects periods, a click opens one, hovering names one
    var brush = d3.brushX().extent([[M.left, M.top], [W - M.right, H - M.bottom]]).on("end", function (event) {
      if (!event.sourceEvent) return;
      if (!event.selection) {
        var one = bandAt(event.sourceEvent);
        if (one) go(one, one);
        return;
      }
      var chosen = x.domain().filter(function (p) {
        var mid = x(p) + x.bandwidth() / 2;
        return mid >= event.selection[0] && mid <= event.selection[1];
      });
      if (chosen.length) go(chosen[0], chosen[chosen.length - 1]);
    });
    var byPeriod = new Map(d.bins.map(function (b) { return [b.period, b]; }));
    svg.append("g").attr("class", "brush").call(brush)
      .on("mousemove.tip", function (event) {
        var p = bandAt(event), b = p && byPeriod.get(p);
        if (!b) { t.hide(); return; }
        var parts = d.types.filter(function (k) { return b.counts[k]; }).map(function (k) { return k + " " + b.counts[k]; });
        t.show(event, p + ": " + b.total + " event(s)" + (parts.length ? " — " + parts.join(", ") : ""));
      })
      .on("mouseleave.tip", t.hide);

    var legend = document.getElementById("timeline-legend");
    d.types.forEach(function (type) {
      var item = document.createElement("span");
      var sw = document.createElement("span");
      sw.className = "dot";
      sw.style.background = color(type);
      item.appendChild(sw);
      item.appendChild(document.createTextNode(type));
      legend.appendChild(item);
    });
    el.setAttribute("data-ready", "1");
  }

  // -- network ----------------------------------------------------------------------------------------
  function drawNetwork() {
    var el = document.getElementById("network");
    if (!el) return;
    var d = data("network-data");
    if (!d || !d.nodes.length) return;
    var W = 960, H = 620;
    var svg = d3.select(el).append("svg").attr("viewBox", "0 0 " + W + " " + H)
      .attr("role", "img").attr("aria-label", "who acts on whom");
    var gold = d3.scaleLinear().domain([-10, 0, 10]).range(["#dc2626", "#9ca3af", "#2563eb"]).clamp(true);
    var maxCount = d3.max(d.edges, function (e) { return e.count; }) || 1;
    var width = d3.scaleSqrt().domain([1, maxCount]).range([1.2, 9]);
    var maxWeight = d3.max(d.nodes, function (n) { return n.weight; }) || 1;
    var size = d3.scaleSqrt().domain([1, maxWeight]).range([5, 20]);
    var countries = Array.from(new Set(d.nodes.map(function (n) { return n.country || "?"; })));
    var color = d3.scaleOrdinal().domain(countries).range(d3.schemeTableau10);
    var nodes = d.nodes.map(function (n) { return Object.assign({}, n); });
    var links = d.edges.map(function (e) { return Object.assign({}, e); });
    var defs = svg.append("defs");
    ["neg", "zero", "pos"].forEach(function (name) {
      defs.append("marker").attr("id", "arrow-" + name).attr("viewBox", "0 -4 8 8").attr("refX", 8).attr("refY", 0)
        .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
        .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", name === "neg" ? "#dc2626" : name === "pos" ? "#2563eb" : "#9ca3af");
    });
    var sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(110))
      .force("charge", d3.forceManyBody().strength(-420))
      .force("center", d3.forceCenter(W / 2, H / 2))
      .force("x", d3.forceX(W / 2).strength(0.06)).force("y", d3.forceY(H / 2).strength(0.09))
      .force("collide", d3.forceCollide().radius(function (n) { return size(n.weight) + 14; }))
      .stop();
    for (var i = 0; i < 400; i++) sim.tick();
    nodes.forEach(function (n) {
      n.x = Math.max(30, Math.min(W - 30, n.x));
      n.y = Math.max(20, Math.min(H - 20, n.y));
    });
    var t = tip(el);
    var edge = svg.append("g").selectAll("path").data(links).enter().append("path").attr("class", "edge")
      .attr("stroke", function (e) { return e.goldstein === null ? "#9ca3af" : gold(e.goldstein); })
      .attr("stroke-width", function (e) { return width(e.count); })
      .attr("marker-end", function (e) {
        return "url(#arrow-" + (e.goldstein === null || e.goldstein === 0 ? "zero" : e.goldstein < 0 ? "neg" : "pos") + ")";
      })
      .on("mousemove", function (event, e) {
        t.show(event, e.source.id + " → " + e.target.id + ": " + e.count + " event(s), mean Goldstein " +
          (e.goldstein === null ? "?" : e.goldstein));
      })
      .on("mouseleave", t.hide);
    var node = svg.append("g").selectAll("g").data(nodes).enter().append("g").attr("class", "node");
    node.append("circle").attr("r", function (n) { return size(n.weight); })
      .attr("fill", function (n) { return color(n.country || "?"); })
      .append("title").text(function (n) { return n.id + (n.country ? " (" + n.country + ")" : "") + ": " + n.weight + " event(s)"; });
    node.append("a").attr("href", function (n) { return "/actor?name=" + encodeURIComponent(n.id); })
      .append("text").attr("x", function (n) { return size(n.weight) + 3; }).attr("y", 4)
      .text(function (n) { return n.id; });

    function place() {
      edge.attr("d", function (e) {
        var dx = e.target.x - e.source.x, dy = e.target.y - e.source.y;
        var dist = Math.sqrt(dx * dx + dy * dy) || 1;
        var r = size(e.target.weight) + 3;
        var tx = e.target.x - dx / dist * r, ty = e.target.y - dy / dist * r;
        return "M" + e.source.x + "," + e.source.y + "L" + tx + "," + ty;
      });
      node.attr("transform", function (n) { return "translate(" + n.x + "," + n.y + ")"; });
    }
    place();
    sim.on("tick", place);
    node.call(d3.drag()
      .on("start", function (event, n) { if (!event.active) sim.alphaTarget(0.2).restart(); n.fx = n.x; n.fy = n.y; })
      .on("drag", function (event, n) { n.fx = event.x; n.fy = event.y; })
      .on("end", function (event, n) { if (!event.active) sim.alphaTarget(0); n.fx = null; n.fy = null; }));
    el.setAttribute("data-ready", "1");
  }

  drawMap();
  drawTimeline();
  drawNetwork();
})();
