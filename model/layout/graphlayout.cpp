// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphlayout.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <utility>
#include <vector>

namespace Stagecraft::Model {

namespace {

/** Vertical steps of an edge shorter than this are straightened where the route is free. */
constexpr qreal s_stepSnap = 3;
/** How far above or below a node an edge attached at its top or bottom runs sideways. */
constexpr qreal s_runOffset = 10;

/** A place in a layer: a real node or a point where a long edge passes through the layer. */
struct Slot
{
    int node = -1; ///< graph node, -1 for a pass-through
    int edge = -1; ///< the edge passing through (pass-through slots only)
    int layer = 0;
    qreal height = 0;
    qreal gapAbove = 0;
    qreal gapBelow = 0;
    qreal y = 0;
    int pos = 0; ///< index within its layer
};

/** One hop of an edge between neighbouring layers, with where it touches each slot. */
struct Hop
{
    int edge = -1;
    int upper = -1;        ///< slot in the left layer
    int lower = -1;        ///< slot in the right layer
    qreal upperOffset = 0; ///< y offset of the attachment, relative to the slot's top
    qreal lowerOffset = 0;
};

class Fenwick
{
public:
    explicit Fenwick(int n)
        : m_tree(size_t(n) + 1, 0)
    {}
    void add(int i)
    {
        for (++i; i < int(m_tree.size()); i += i & -i)
            ++m_tree[size_t(i)];
    }
    qint64 prefix(int i) const // count of entries with index < i
    {
        qint64 s = 0;
        for (; i > 0; i -= i & -i)
            s += m_tree[size_t(i)];
        return s;
    }

private:
    std::vector<qint64> m_tree;
};

int findRoot(std::vector<int> &parent, int x)
{
    while (parent[size_t(x)] != x) {
        parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
        x = parent[size_t(x)];
    }
    return x;
}

QPolygonF simplify(const QPolygonF &points)
{
    QPolygonF out;
    for (const QPointF &p : points) {
        if (!out.isEmpty() && qFuzzyCompare(out.last().x() + 1, p.x() + 1)
            && qFuzzyCompare(out.last().y() + 1, p.y() + 1)) {
            continue;
        }
        if (out.size() >= 2) {
            const QPointF &a = out.at(out.size() - 2);
            const QPointF &b = out.last();
            const bool vertical = qFuzzyCompare(a.x() + 1, b.x() + 1)
                                  && qFuzzyCompare(b.x() + 1, p.x() + 1);
            const bool horizontal = qFuzzyCompare(a.y() + 1, b.y() + 1)
                                    && qFuzzyCompare(b.y() + 1, p.y() + 1);
            if (vertical || horizontal) {
                out.last() = p;
                continue;
            }
        }
        out.append(p);
    }
    return out;
}

bool isVertical(PortSide side)
{
    return side == PortSide::Top || side == PortSide::Bottom;
}

/** The per-component layout; positions are written into the result with a vertical offset. */
class ComponentLayout
{
public:
    ComponentLayout(const LayoutGraph &graph,
                    const LayoutOptions &options,
                    const std::vector<int> &layerOf,
                    const std::vector<int> &rank,
                    const std::vector<bool> &backEdge)
        : m_graph(graph)
        , m_options(options)
        , m_layerOf(layerOf)
        , m_rank(rank)
        , m_backEdge(backEdge)
    {}

    /** Lays out the nodes (sorted by rank) and forward edges of one component; returns its height. */
    qreal run(const std::vector<int> &nodes,
              const std::vector<int> &edges,
              qreal top,
              LayoutResult &result);

private:
    void buildSlots(const std::vector<int> &nodes, const std::vector<int> &edges);
    void orderLayers();
    qint64 crossings() const;
    void placeVertically();
    void straightenChains(const std::vector<int> &edges);
    qreal portY(int slot, qreal offset) const { return m_slots[size_t(slot)].y + offset; }
    /** The height of the k-th horizontal run above @p slot, of the edges entering its top. */
    qreal entryRunY(int slot, qreal k) const
    {
        return m_slots[size_t(slot)].y - s_runOffset - k * m_options.entrySpacing;
    }
    /** The height of the k-th horizontal run below @p slot, of the edges leaving its bottom. */
    qreal exitRunY(int slot, qreal k) const
    {
        const Slot &s = m_slots[size_t(slot)];
        return s.y + s.height + s_runOffset + k * m_options.entrySpacing;
    }

    const LayoutGraph &m_graph;
    const LayoutOptions &m_options;
    const std::vector<int> &m_layerOf;
    const std::vector<int> &m_rank;
    const std::vector<bool> &m_backEdge;

    std::vector<Slot> m_slots;
    std::vector<std::vector<int>> m_layers; // slot ids per layer, in order
    std::vector<Hop> m_hops;
    std::vector<std::vector<int>> m_hopsByUpperLayer;
    std::vector<std::vector<int>> m_upHops;   // per slot: hops where it is the lower end
    std::vector<std::vector<int>> m_downHops; // per slot: hops where it is the upper end
    QHash<int, std::vector<int>> m_chains;    // edge → its hops, left to right
    QHash<int, int> m_slotOfNode;
    std::vector<int> m_topIn;     // per slot: number of edges entering through the top
    std::vector<int> m_bottomOut; // per slot: number of edges leaving through the bottom
};

void ComponentLayout::buildSlots(const std::vector<int> &nodes, const std::vector<int> &edges)
{
    int maxLayer = 0;
    for (int n : nodes)
        maxLayer = std::max(maxLayer, m_layerOf[size_t(n)]);
    m_layers.assign(size_t(maxLayer) + 1, {});
    for (int n : nodes) {
        Slot s;
        s.node = n;
        s.layer = m_layerOf[size_t(n)];
        s.height = m_graph.nodes.at(n).size.height();
        m_slotOfNode.insert(n, int(m_slots.size()));
        m_layers[size_t(s.layer)].push_back(int(m_slots.size()));
        m_slots.push_back(s);
    }
    // Pass-through slots follow the real nodes of their layer in the initial order, sorted by
    // the ranks of their ends, so the start order depends only on keys.
    std::vector<int> sortedEdges = edges;
    std::sort(sortedEdges.begin(), sortedEdges.end(), [this](int a, int b) {
        const LayoutEdge &ea = m_graph.edges.at(a);
        const LayoutEdge &eb = m_graph.edges.at(b);
        const auto ka = std::make_tuple(m_rank[size_t(ea.source)], m_rank[size_t(ea.target)], a);
        const auto kb = std::make_tuple(m_rank[size_t(eb.source)], m_rank[size_t(eb.target)], b);
        return ka < kb;
    });
    for (int e : sortedEdges) {
        const LayoutEdge &edge = m_graph.edges.at(e);
        const int from = m_layerOf[size_t(edge.source)];
        const int to = m_layerOf[size_t(edge.target)];
        std::vector<int> chain{m_slotOfNode.value(edge.source)};
        for (int l = from + 1; l < to; ++l) {
            Slot s;
            s.edge = e;
            s.layer = l;
            s.height = m_options.dummyHeight;
            m_layers[size_t(l)].push_back(int(m_slots.size()));
            chain.push_back(int(m_slots.size()));
            m_slots.push_back(s);
        }
        chain.push_back(m_slotOfNode.value(edge.target));
        std::vector<int> hops;
        for (size_t i = 0; i + 1 < chain.size(); ++i) {
            Hop h;
            h.edge = e;
            h.upper = chain[i];
            h.lower = chain[i + 1];
            h.upperOffset = m_slots[size_t(h.upper)].height / 2;
            h.lowerOffset = m_slots[size_t(h.lower)].height / 2;
            if (i == 0 && !isVertical(edge.sourcePort.side))
                h.upperOffset = edge.sourcePort.offset.y();
            if (i + 2 == chain.size() && !isVertical(edge.targetPort.side))
                h.lowerOffset = edge.targetPort.offset.y();
            hops.push_back(int(m_hops.size()));
            m_hops.push_back(h);
        }
        m_chains.insert(e, hops);
    }
    m_upHops.assign(m_slots.size(), {});
    m_downHops.assign(m_slots.size(), {});
    m_hopsByUpperLayer.assign(m_layers.size(), {});
    for (int h = 0; h < int(m_hops.size()); ++h) {
        m_downHops[size_t(m_hops[size_t(h)].upper)].push_back(h);
        m_upHops[size_t(m_hops[size_t(h)].lower)].push_back(h);
        m_hopsByUpperLayer[size_t(m_slots[size_t(m_hops[size_t(h)].upper)].layer)].push_back(h);
    }
    m_topIn.assign(m_slots.size(), 0);
    m_bottomOut.assign(m_slots.size(), 0);
    for (int e : edges) {
        const LayoutEdge &edge = m_graph.edges.at(e);
        if (edge.targetPort.side == PortSide::Top)
            ++m_topIn[size_t(m_slotOfNode.value(edge.target))];
        if (edge.sourcePort.side == PortSide::Bottom)
            ++m_bottomOut[size_t(m_slotOfNode.value(edge.source))];
    }
    for (size_t s = 0; s < m_slots.size(); ++s) {
        Slot &slot = m_slots[s];
        if (slot.node < 0) {
            slot.gapAbove = slot.gapBelow = m_options.trackSpacing / 2;
        } else {
            slot.gapAbove = std::max(m_options.nodeGap / 2,
                                     14 + m_options.entrySpacing * m_topIn[s]);
            slot.gapBelow = std::max(m_options.nodeGap / 2,
                                     14 + m_options.entrySpacing * m_bottomOut[s]);
        }
    }
    for (auto &layer : m_layers) {
        for (int i = 0; i < int(layer.size()); ++i)
            m_slots[size_t(layer[size_t(i)])].pos = i;
    }
}

qint64 ComponentLayout::crossings() const
{
    qint64 total = 0;
    for (size_t l = 0; l + 1 < m_layers.size(); ++l) {
        std::vector<std::pair<int, int>> pairs;
        pairs.reserve(m_hopsByUpperLayer[l].size());
        for (int h : m_hopsByUpperLayer[l])
            pairs.emplace_back(m_slots[size_t(m_hops[size_t(h)].upper)].pos,
                               m_slots[size_t(m_hops[size_t(h)].lower)].pos);
        std::sort(pairs.begin(), pairs.end());
        Fenwick tree(int(m_layers[l + 1].size()) + 1);
        qint64 seen = 0;
        for (const auto &[u, v] : pairs) {
            total += seen - tree.prefix(v + 1);
            tree.add(v);
            ++seen;
        }
    }
    return total;
}

void ComponentLayout::orderLayers()
{
    auto reorder = [this](size_t l, bool useUpper) {
        std::vector<int> &layer = m_layers[l];
        std::vector<std::pair<double, int>> keyed;
        keyed.reserve(layer.size());
        for (int s : layer) {
            const auto &hops = useUpper ? m_upHops[size_t(s)] : m_downHops[size_t(s)];
            double bary = m_slots[size_t(s)].pos;
            if (!hops.empty()) {
                double sum = 0;
                for (int h : hops) {
                    const Hop &hop = m_hops[size_t(h)];
                    sum += m_slots[size_t(useUpper ? hop.upper : hop.lower)].pos;
                }
                bary = sum / double(hops.size());
            }
            keyed.emplace_back(bary, s);
        }
        // Ties keep the current order: that is what keeps unrelated nodes in place.
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
            return a.first < b.first;
        });
        for (size_t i = 0; i < keyed.size(); ++i) {
            layer[i] = keyed[i].second;
            m_slots[size_t(layer[i])].pos = int(i);
        }
    };

    std::vector<std::vector<int>> best = m_layers;
    qint64 bestCrossings = crossings();
    for (int sweep = 0; sweep < m_options.sweeps && bestCrossings > 0; ++sweep) {
        if (sweep % 2 == 0) {
            for (size_t l = 1; l < m_layers.size(); ++l)
                reorder(l, true);
        } else {
            for (size_t l = m_layers.size() - 1; l-- > 0;)
                reorder(l, false);
        }
        const qint64 c = crossings();
        if (c < bestCrossings) {
            bestCrossings = c;
            best = m_layers;
        }
    }
    m_layers = best;
    for (auto &layer : m_layers) {
        for (int i = 0; i < int(layer.size()); ++i)
            m_slots[size_t(layer[size_t(i)])].pos = i;
    }
}

void ComponentLayout::placeVertically()
{
    // Places a layer as close as possible (least squares) to the desired tops while keeping the
    // order and the gaps: with z_i = y_i - offset_i the constraints become z non-decreasing, an
    // isotonic regression solved by pooling adjacent violators. Unlike pushing slots down one by
    // one this does not drift, so long chains do not turn into staircases.
    auto stack = [this](const std::vector<int> &layer, const std::vector<qreal> &desired) {
        const size_t n = layer.size();
        std::vector<qreal> offset(n, 0.0);
        for (size_t i = 1; i < n; ++i) {
            const Slot &prev = m_slots[size_t(layer[i - 1])];
            const Slot &cur = m_slots[size_t(layer[i])];
            offset[i] = offset[i - 1] + prev.height + prev.gapBelow + cur.gapAbove;
        }
        struct Block
        {
            qreal sum;
            qreal count;
            size_t end; // one past the last slot of the block
        };
        std::vector<Block> blocks;
        blocks.reserve(n);
        for (size_t i = 0; i < n; ++i) {
            blocks.push_back({desired[i] - offset[i], 1, i + 1});
            while (blocks.size() >= 2) {
                const Block &b = blocks[blocks.size() - 1];
                const Block &a = blocks[blocks.size() - 2];
                if (a.sum / a.count <= b.sum / b.count)
                    break;
                const Block merged{a.sum + b.sum, a.count + b.count, b.end};
                blocks.pop_back();
                blocks.back() = merged;
            }
        }
        size_t i = 0;
        for (const Block &b : blocks) {
            const qreal z = b.sum / b.count;
            for (; i < b.end; ++i)
                m_slots[size_t(layer[i])].y = z + offset[i];
        }
    };
    // Start packed, then pull each slot towards the attachments of its neighbours, alternately
    // from the left and from the right; the pushing keeps the order and the gaps.
    for (const auto &layer : m_layers) {
        std::vector<qreal> desired(layer.size(), 0.0);
        qreal y = 0;
        for (size_t i = 0; i < layer.size(); ++i) {
            const Slot &s = m_slots[size_t(layer[i])];
            if (i > 0)
                y += s.gapAbove;
            desired[i] = y;
            y += s.height + s.gapBelow;
        }
        stack(layer, desired);
    }
    for (int pass = 0; pass < 4; ++pass) {
        const bool fromLeft = pass % 2 == 0;
        for (size_t k = 0; k < m_layers.size(); ++k) {
            const size_t l = fromLeft ? k : m_layers.size() - 1 - k;
            const auto &layer = m_layers[l];
            std::vector<qreal> desired(layer.size(), 0.0);
            for (size_t i = 0; i < layer.size(); ++i) {
                const int s = layer[i];
                const auto &hops = fromLeft ? m_upHops[size_t(s)] : m_downHops[size_t(s)];
                if (hops.empty()) {
                    desired[i] = m_slots[size_t(s)].y;
                    continue;
                }
                qreal sum = 0;
                for (int h : hops) {
                    const Hop &hop = m_hops[size_t(h)];
                    if (fromLeft)
                        sum += portY(hop.upper, hop.upperOffset) - hop.lowerOffset;
                    else
                        sum += portY(hop.lower, hop.lowerOffset) - hop.upperOffset;
                }
                desired[i] = sum / qreal(hops.size());
            }
            stack(layer, desired);
        }
    }
}

void ComponentLayout::straightenChains(const std::vector<int> &edges)
{
    // The placement puts a long edge's pass-through slots between the pulls of both its ends, so
    // the edge can step by a few pixels in every channel it crosses (062's distroless base did).
    // Where the slots can sit at the height the edge leaves its source, or, from the other end,
    // the height it enters its target, without moving anything else, they do: the edge runs
    // straight and steps once. Edges in key order; each move keeps the layer's order and gaps,
    // and keeps the edge's runs off the entry runs (and their labels) and exit runs that nodes
    // of the neighbouring layers have in the channels the edge crosses.

    // Per layer, the bands its nodes' entry runs (with the labels above them) and exit runs
    // take, top to bottom: they lie in the nodes' gaps, so they are sorted and disjoint.
    constexpr qreal margin = 7;
    constexpr qreal label = 15; // an import's label stands above its entry run
    using Band = std::pair<qreal, qreal>;
    std::vector<std::vector<Band>> entries(m_layers.size());
    std::vector<std::vector<Band>> exits(m_layers.size());
    for (size_t l = 0; l < m_layers.size(); ++l) {
        for (int n : m_layers[l]) {
            const Slot &slot = m_slots[size_t(n)];
            if (slot.node < 0)
                continue;
            if (const int in = m_topIn[size_t(n)]; in > 0)
                entries[l].emplace_back(entryRunY(n, in - 1) - label, entryRunY(n, 0) + margin);
            if (const int out = m_bottomOut[size_t(n)]; out > 0)
                exits[l].emplace_back(exitRunY(n, 0) - margin, exitRunY(n, out - 1) + margin);
        }
    }
    auto inBand = [](const std::vector<Band> &bands, qreal y) {
        const auto it = std::partition_point(bands.begin(), bands.end(), [y](const Band &b) {
            return b.second <= y;
        });
        return it != bands.end() && it->first < y;
    };
    // An edge through layer l crosses the channels on both sides of it: the entries into layer
    // l + 1 and the exits from layer l - 1 run there.
    auto clearOfRuns = [&](size_t layer, qreal y) {
        if (layer + 1 < m_layers.size() && inBand(entries[layer + 1], y))
            return false;
        return layer == 0 || !inBand(exits[layer - 1], y);
    };
    auto fits = [this, &clearOfRuns](int slot, qreal y) {
        const Slot &s = m_slots[size_t(slot)];
        if (!clearOfRuns(size_t(s.layer), y + s.height / 2))
            return false;
        const std::vector<int> &layer = m_layers[size_t(s.layer)];
        if (s.pos > 0) {
            const Slot &above = m_slots[size_t(layer[size_t(s.pos - 1)])];
            if (y < above.y + above.height + above.gapBelow + s.gapAbove)
                return false;
        }
        if (size_t(s.pos) + 1 < layer.size()) {
            const Slot &below = m_slots[size_t(layer[size_t(s.pos + 1)])];
            if (y + s.height + s.gapBelow + below.gapAbove > below.y)
                return false;
        }
        return true;
    };
    for (int e : edges) {
        const auto chain = m_chains.constFind(e);
        if (chain == m_chains.cend() || chain->size() < 2)
            continue;
        const std::vector<int> &hops = *chain;
        const LayoutEdge &edge = m_graph.edges.at(e);
        const size_t passes = hops.size() - 1; // hops[i].lower for i < passes
        size_t straight = 0;
        if (!isVertical(edge.sourcePort.side)) {
            const Hop &first = m_hops[size_t(hops.front())];
            const qreal height = portY(first.upper, first.upperOffset);
            for (; straight < passes; ++straight) {
                const Hop &hop = m_hops[size_t(hops[straight])];
                const qreal y = height - hop.lowerOffset;
                if (!fits(hop.lower, y))
                    break;
                m_slots[size_t(hop.lower)].y = y;
            }
        }
        if (straight < passes && !isVertical(edge.targetPort.side)) {
            const Hop &last = m_hops[size_t(hops.back())];
            const qreal height = portY(last.lower, last.lowerOffset);
            for (size_t i = passes; i-- > straight;) {
                const Hop &hop = m_hops[size_t(hops[i])];
                const qreal y = height - hop.lowerOffset;
                if (!fits(hop.lower, y))
                    break;
                m_slots[size_t(hop.lower)].y = y;
            }
        }
    }
}

qreal ComponentLayout::run(const std::vector<int> &nodes,
                           const std::vector<int> &edges,
                           qreal top,
                           LayoutResult &result)
{
    buildSlots(nodes, edges);
    orderLayers();
    placeVertically();
    straightenChains(edges);

    // Normalise so the component starts at `top`.
    qreal minY = 1e18;
    qreal maxY = -1e18;
    for (const Slot &s : m_slots) {
        minY = std::min(minY, s.y - s.gapAbove);
        maxY = std::max(maxY, s.y + s.height + s.gapBelow);
    }
    for (Slot &s : m_slots)
        s.y += top - minY;

    // Entry and exit runs of edges attached at the top/bottom of a node. Entries into stages
    // further left run lower, so that no edge comes down across another's run and its label;
    // entries into one stage are ordered by where the edge comes from, so that they do not
    // cross each other. Exits are ordered by where the edge goes.
    QHash<int, qreal> entryY; // edge → y of the horizontal run above the target
    QHash<int, qreal> exitY;  // edge → y of the horizontal run below the source
    {
        // target slot → (port x, upper pos, edge)
        QHash<int, std::vector<std::tuple<qreal, int, int>>> entering;
        QHash<int, std::vector<std::pair<int, int>>> leaving;
        for (int e : edges) {
            const LayoutEdge &edge = m_graph.edges.at(e);
            const std::vector<int> &hops = m_chains.value(e);
            if (edge.targetPort.side == PortSide::Top) {
                const Hop &last = m_hops[size_t(hops.back())];
                entering[last.lower].emplace_back(edge.targetPort.offset.x(),
                                                  -m_slots[size_t(last.upper)].pos,
                                                  e);
            }
            if (edge.sourcePort.side == PortSide::Bottom) {
                const Hop &first = m_hops[size_t(hops.front())];
                leaving[first.upper].emplace_back(m_slots[size_t(first.lower)].pos, e);
            }
        }
        for (auto it = entering.begin(); it != entering.end(); ++it) {
            auto list = it.value();
            std::sort(list.begin(), list.end());
            for (size_t k = 0; k < list.size(); ++k)
                entryY.insert(std::get<2>(list[k]), entryRunY(it.key(), qreal(k)));
        }
        for (auto it = leaving.begin(); it != leaving.end(); ++it) {
            auto list = it.value();
            std::sort(list.begin(), list.end());
            for (size_t k = 0; k < list.size(); ++k)
                exitY.insert(list[k].second, exitRunY(it.key(), qreal(k)));
        }
    }

    auto hopStartY = [&](const Hop &hop) {
        const LayoutEdge &edge = m_graph.edges.at(hop.edge);
        if (m_slots[size_t(hop.upper)].node >= 0 && edge.sourcePort.side == PortSide::Bottom)
            return exitY.value(hop.edge);
        return portY(hop.upper, hop.upperOffset);
    };
    auto hopEndY = [&](const Hop &hop) {
        const LayoutEdge &edge = m_graph.edges.at(hop.edge);
        if (m_slots[size_t(hop.lower)].node >= 0 && edge.targetPort.side == PortSide::Top)
            return entryY.value(hop.edge);
        return portY(hop.lower, hop.lowerOffset);
    };

    // Tracks: hops starting at the same point share one (a bundle); bundles whose vertical
    // extents do not overlap share a track too (greedy interval partitioning), which keeps the
    // channels narrow even when hundreds of edges cross one.
    const size_t layerCount = m_layers.size();
    std::vector<qreal> layerWidth(layerCount, 0.0);
    for (const Slot &s : m_slots) {
        if (s.node >= 0)
            layerWidth[size_t(s.layer)] = std::max(layerWidth[size_t(s.layer)],
                                                   m_graph.nodes.at(s.node).size.width());
    }
    std::vector<int> trackOfHop(m_hops.size(), 0);
    std::vector<int> trackCount(layerCount, 0);
    for (size_t l = 0; l + 1 < layerCount; ++l) {
        struct Bundle
        {
            qreal startY;
            int slot;
            qreal top;
            qreal bottom;
            std::vector<int> hops;
        };
        std::vector<Bundle> bundles;
        {
            std::vector<std::tuple<qreal, int, int>> starts; // (startY, upper slot, hop)
            for (int h : m_hopsByUpperLayer[l])
                starts.emplace_back(hopStartY(m_hops[size_t(h)]), m_hops[size_t(h)].upper, h);
            std::sort(starts.begin(), starts.end());
            for (const auto &[y, slot, h] : starts) {
                const qreal endY = hopEndY(m_hops[size_t(h)]);
                if (bundles.empty() || bundles.back().slot != slot
                    || !qFuzzyCompare(bundles.back().startY + 1, y + 1)) {
                    bundles.push_back({y, slot, y, y, {}});
                }
                Bundle &b = bundles.back();
                b.top = std::min({b.top, y, endY});
                b.bottom = std::max({b.bottom, y, endY});
                b.hops.push_back(h);
            }
        }
        std::vector<size_t> order(bundles.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&bundles](size_t a, size_t b) {
            return bundles[a].top < bundles[b].top;
        });
        std::vector<qreal> trackBottom; // lowest y used on each track so far
        for (size_t idx : order) {
            const Bundle &b = bundles[idx];
            int track = -1;
            for (size_t t = 0; t < trackBottom.size(); ++t) {
                if (trackBottom[t] + m_options.trackSpacing < b.top) {
                    track = int(t);
                    break;
                }
            }
            if (track < 0) {
                track = int(trackBottom.size());
                trackBottom.push_back(0);
            }
            trackBottom[size_t(track)] = b.bottom;
            for (int h : b.hops)
                trackOfHop[size_t(h)] = track;
        }
        trackCount[l] = int(trackBottom.size());
    }
    std::vector<qreal> layerX(layerCount, 0.0);
    for (size_t l = 1; l < layerCount; ++l) {
        const qreal channel = 2 * m_options.channelMargin
                              + std::max(0, trackCount[l - 1] - 1) * m_options.trackSpacing;
        layerX[l] = layerX[l - 1] + layerWidth[l - 1] + channel;
    }
    auto trackX = [&](int h) {
        const size_t l = size_t(m_slots[size_t(m_hops[size_t(h)].upper)].layer);
        return layerX[l] + layerWidth[l] + m_options.channelMargin
               + trackOfHop[size_t(h)] * m_options.trackSpacing;
    };

    for (const Slot &s : m_slots) {
        if (s.node >= 0) {
            result.positions[s.node] = QPointF(layerX[size_t(s.layer)], s.y);
            result.layers[s.node] = s.layer;
        }
    }

    for (int e : edges) {
        const LayoutEdge &edge = m_graph.edges.at(e);
        const std::vector<int> &hops = m_chains.value(e);
        const QPointF source = result.positions.at(edge.source) + edge.sourcePort.offset;
        const QPointF target = result.positions.at(edge.target) + edge.targetPort.offset;
        QPolygonF points;
        points << source;
        qreal y = source.y();
        if (edge.sourcePort.side == PortSide::Bottom) {
            y = exitY.value(e);
            points << QPointF(source.x(), y);
        } else if (edge.sourcePort.side == PortSide::Top) {
            y = source.y() - s_runOffset;
            points << QPointF(source.x(), y);
        }
        for (size_t i = 0; i < hops.size(); ++i) {
            const Hop &hop = m_hops[size_t(hops[i])];
            const qreal x = trackX(hops[i]);
            points << QPointF(x, y);
            if (i + 1 < hops.size()) {
                // Through a pass-through slot. Where its height is a hair off the height the
                // edge arrives at, or the height of the side entry it is heading for, the edge
                // rides on at that height instead of drawing a step of a pixel or two: the slot
                // is trackSpacing + dummyHeight from its neighbours, far more than the snap.
                const qreal through = portY(hop.lower, hop.lowerOffset);
                const bool entersSide = !isVertical(edge.targetPort.side);
                if (entersSide && std::abs(through - target.y()) < s_stepSnap)
                    y = target.y();
                else if (std::abs(through - y) >= s_stepSnap)
                    y = through;
                points << QPointF(x, y);
                continue;
            }
            if (edge.targetPort.side == PortSide::Top) {
                qreal ey = entryY.value(e);
                // An entry run a pixel or two off the height the edge arrives at would be drawn
                // as a tiny step (the example's import did that): ride on at that height.
                // Stacked runs are entrySpacing apart, far more than the snap.
                if (std::abs(ey - y) < s_stepSnap && y < target.y() - 6)
                    ey = y;
                points << QPointF(x, ey) << QPointF(target.x(), ey);
            } else if (edge.targetPort.side == PortSide::Bottom) {
                const qreal ey = target.y() + s_runOffset;
                points << QPointF(x, ey) << QPointF(target.x(), ey);
            } else {
                points << QPointF(x, target.y());
            }
            points << target;
        }
        result.routes[e] = simplify(points);
    }
    return maxY - minY;
}

} // namespace

QPolygonF orthogonalRoute(const QPointF &from, PortSide fromSide, const QPointF &to, PortSide toSide)
{
    constexpr qreal stub = 14;
    QPolygonF points;
    points << from;
    QPointF a = from;
    switch (fromSide) {
    case PortSide::Right:
        a += QPointF(stub, 0);
        break;
    case PortSide::Left:
        a -= QPointF(stub, 0);
        break;
    case PortSide::Bottom:
        a += QPointF(0, stub);
        break;
    case PortSide::Top:
        a -= QPointF(0, stub);
        break;
    }
    QPointF b = to;
    switch (toSide) {
    case PortSide::Right:
        b += QPointF(stub, 0);
        break;
    case PortSide::Left:
        b -= QPointF(stub, 0);
        break;
    case PortSide::Bottom:
        b += QPointF(0, stub);
        break;
    case PortSide::Top:
        b -= QPointF(0, stub);
        break;
    }
    points << a;
    if (isVertical(toSide)) {
        // Reach the column of the entry, then come down (or up) into it.
        const qreal midX = (a.x() + b.x()) / 2;
        points << QPointF(midX, a.y()) << QPointF(midX, b.y());
    } else {
        const qreal midX = (a.x() + b.x()) / 2;
        points << QPointF(midX, a.y()) << QPointF(midX, b.y());
    }
    points << b << to;
    return simplify(points);
}

LayoutResult layoutGraph(const LayoutGraph &graph, const LayoutOptions &options)
{
    LayoutResult result;
    const int n = int(graph.nodes.size());
    result.positions.resize(n);
    result.layers.resize(n);
    result.routes.resize(graph.edges.size());
    if (n == 0)
        return result;

    std::vector<int> byKey(static_cast<size_t>(n));
    std::iota(byKey.begin(), byKey.end(), 0);
    std::sort(byKey.begin(), byKey.end(), [&graph](int a, int b) {
        const int c = graph.nodes.at(a).key.compare(graph.nodes.at(b).key);
        return c != 0 ? c < 0 : a < b;
    });
    std::vector<int> rank(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        rank[size_t(byKey[size_t(i)])] = i;

    std::vector<std::vector<int>> out(static_cast<size_t>(n));
    std::vector<bool> valid(graph.edges.size(), false);
    for (int e = 0; e < int(graph.edges.size()); ++e) {
        const LayoutEdge &edge = graph.edges.at(e);
        if (edge.source < 0 || edge.source >= n || edge.target < 0 || edge.target >= n
            || edge.source == edge.target) {
            continue;
        }
        valid[size_t(e)] = true;
        out[size_t(edge.source)].push_back(e);
    }
    for (auto &list : out) {
        std::sort(list.begin(), list.end(), [&](int a, int b) {
            return std::make_pair(rank[size_t(graph.edges.at(a).target)], a)
                   < std::make_pair(rank[size_t(graph.edges.at(b).target)], b);
        });
    }

    // Cycles (a config error, but it must still draw): a DFS in key order marks back edges,
    // which are left out of the layering and drawn as plain routes.
    std::vector<bool> backEdge(graph.edges.size(), false);
    {
        std::vector<int> state(static_cast<size_t>(n), 0); // 0 new, 1 on stack, 2 done
        for (int root : byKey) {
            if (state[size_t(root)] != 0)
                continue;
            std::vector<std::pair<int, size_t>> stack{{root, 0}};
            state[size_t(root)] = 1;
            while (!stack.empty()) {
                auto &[v, next] = stack.back();
                if (next < out[size_t(v)].size()) {
                    const int e = out[size_t(v)][next++];
                    const int w = graph.edges.at(e).target;
                    if (state[size_t(w)] == 1) {
                        backEdge[size_t(e)] = true;
                    } else if (state[size_t(w)] == 0) {
                        state[size_t(w)] = 1;
                        stack.emplace_back(w, 0);
                    }
                } else {
                    state[size_t(v)] = 2;
                    stack.pop_back();
                }
            }
        }
    }
    for (size_t e = 0; e < backEdge.size(); ++e)
        result.reversedEdges += backEdge[e] ? 1 : 0;

    // Longest-path layers over the acyclic part (Kahn's order).
    std::vector<int> layerOf(static_cast<size_t>(n), 0);
    {
        std::vector<int> indegree(static_cast<size_t>(n), 0);
        for (int e = 0; e < int(graph.edges.size()); ++e) {
            if (valid[size_t(e)] && !backEdge[size_t(e)])
                ++indegree[size_t(graph.edges.at(e).target)];
        }
        std::vector<int> queue;
        for (int v : byKey) {
            if (indegree[size_t(v)] == 0)
                queue.push_back(v);
        }
        for (size_t head = 0; head < queue.size(); ++head) {
            const int v = queue[head];
            for (int e : out[size_t(v)]) {
                if (backEdge[size_t(e)])
                    continue;
                const int w = graph.edges.at(e).target;
                layerOf[size_t(w)] = std::max(layerOf[size_t(w)], layerOf[size_t(v)] + 1);
                if (--indegree[size_t(w)] == 0)
                    queue.push_back(w);
            }
        }
    }

    // Connected components, ordered by their smallest key.
    std::vector<int> parent(static_cast<size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    for (int e = 0; e < int(graph.edges.size()); ++e) {
        if (!valid[size_t(e)])
            continue;
        const int a = findRoot(parent, graph.edges.at(e).source);
        const int b = findRoot(parent, graph.edges.at(e).target);
        if (a != b)
            parent[size_t(std::max(a, b))] = std::min(a, b);
    }
    QHash<int, int> componentOfRoot;
    std::vector<std::vector<int>> componentNodes;
    std::vector<std::vector<int>> componentEdges;
    std::vector<int> componentOf(static_cast<size_t>(n));
    for (int v : byKey) { // key order, so components come out sorted by their first key
        const int root = findRoot(parent, v);
        auto it = componentOfRoot.find(root);
        if (it == componentOfRoot.end()) {
            it = componentOfRoot.insert(root, int(componentNodes.size()));
            componentNodes.emplace_back();
            componentEdges.emplace_back();
        }
        componentNodes[size_t(it.value())].push_back(v);
        componentOf[size_t(v)] = it.value();
    }
    for (int e = 0; e < int(graph.edges.size()); ++e) {
        if (valid[size_t(e)] && !backEdge[size_t(e)])
            componentEdges[size_t(componentOf[size_t(graph.edges.at(e).source)])].push_back(e);
    }

    // Each component is laid out at the origin, then the components are packed in key order
    // into shelves (rows) of a width that keeps the whole picture roughly 16:10. A component's
    // place depends only on the components before it and the shelf width.
    std::vector<QRectF> extents(componentNodes.size());
    qreal area = 0;
    qreal widest = 0;
    for (size_t c = 0; c < componentNodes.size(); ++c) {
        ComponentLayout component(graph, options, layerOf, rank, backEdge);
        const qreal height = component.run(componentNodes[c], componentEdges[c], 0, result);
        QRectF r;
        for (int v : componentNodes[c])
            r |= QRectF(result.positions.at(v), graph.nodes.at(v).size);
        for (int e : componentEdges[c])
            r |= result.routes.at(e).boundingRect();
        r.setTop(std::min(r.top(), 0.0));
        r.setHeight(std::max(r.height(), height));
        extents[c] = r;
        area += (r.width() + options.componentGap) * (r.height() + options.componentGap);
        widest = std::max(widest, r.width());
    }
    // The width a 16:10 picture of this area would have, rounded up to a power of two so that
    // adding or resizing one part rarely changes it; never narrower than the widest part. When
    // one part is far wider than the area asks for (a long chain of lanes, like the bundled
    // example's), the small parts go below it rather than right of it: the picture is already
    // wider than a window, and every part to its right would make it smaller when fitted.
    const qreal shelfWidth = std::max(widest,
                                      std::exp2(std::ceil(
                                              std::log2(std::max(1024.0, std::sqrt(area * 1.6))))));
    qreal x = 0;
    qreal y = 0;
    qreal shelfHeight = 0;
    for (size_t c = 0; c < componentNodes.size(); ++c) {
        const QRectF &r = extents[c];
        if (x > 0 && x + r.width() > shelfWidth) {
            x = 0;
            y += shelfHeight + options.componentGap;
            shelfHeight = 0;
        }
        const QPointF delta(x - r.left(), y - r.top());
        for (int v : componentNodes[c])
            result.positions[v] += delta;
        for (int e : componentEdges[c])
            result.routes[e].translate(delta);
        x += r.width() + options.componentGap;
        shelfHeight = std::max(shelfHeight, r.height());
    }

    for (int e = 0; e < int(graph.edges.size()); ++e) {
        const LayoutEdge &edge = graph.edges.at(e);
        if (!valid[size_t(e)] || backEdge[size_t(e)]) {
            if (edge.source >= 0 && edge.source < n && edge.target >= 0 && edge.target < n) {
                result.routes[e] = orthogonalRoute(result.positions.at(edge.source)
                                                           + edge.sourcePort.offset,
                                                   edge.sourcePort.side,
                                                   result.positions.at(edge.target)
                                                           + edge.targetPort.offset,
                                                   edge.targetPort.side);
            }
        }
    }

    QRectF bounds;
    for (int v = 0; v < n; ++v)
        bounds |= QRectF(result.positions.at(v), graph.nodes.at(v).size);
    for (const QPolygonF &route : std::as_const(result.routes)) {
        if (!route.isEmpty())
            bounds |= route.boundingRect();
    }
    result.bounds = bounds;
    return result;
}

} // namespace Stagecraft::Model
