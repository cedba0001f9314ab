// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace Stagecraft::Model {

struct YamlMapEntry;

/**
 * One node of a parsed YAML document with its exact byte span in the parsed text.
 *
 * Offsets are absolute offsets into the text handed to parseYamlDocument() (the whole rendered
 * file, not just the document), so they can be mapped through a SourceMap. A node's span covers
 * its properties (tag, anchor), quotes and block-scalar header; it never includes a trailing
 * comment or line break.
 */
struct YamlNode
{
    enum class Kind {
        Null,   ///< `~`, `null`, or an empty value
        Scalar, ///< any other scalar; `value` holds its decoded text
        Sequence,
        Map,
        Alias, ///< `*name`; `value` holds the anchor name
    };
    enum class Style {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal, ///< `|` block scalar
        Folded,  ///< `>` block scalar
        Block,   ///< block collection
        Flow,    ///< flow collection (`[...]`, `{...}`)
    };
    /** YAML 1.1 resolution of a scalar as gopkg.in/yaml.v2 performs it (reference §1.5). */
    enum class Resolved {
        Null,
        Bool,
        Int,
        Float,
        Timestamp,
        String,
        Binary,
        Collection,
    };

    Kind kind = Kind::Null;
    Style style = Style::Plain;
    /** The explicit tag as written in long form ("tag:yaml.org,2002:str"); empty when untagged. */
    QString tag;
    QString anchor;
    /** Decoded scalar value (folding and escapes applied), the anchor name for aliases. */
    QString value;
    /** The scalar's source text exactly as written (without tag and anchor). */
    QByteArray raw;
    qint64 start = 0;
    qint64 end = 0;
    /** 1-based line and column of start in the parsed text. */
    int line = 0;
    int column = 0;

    std::vector<YamlNode> items;       ///< sequence items
    std::vector<YamlMapEntry> entries; ///< map entries in source order

    bool isNull() const { return kind == Kind::Null; }
    bool isScalar() const { return kind == Kind::Scalar || kind == Kind::Null; }
    bool isMap() const { return kind == Kind::Map; }
    bool isSequence() const { return kind == Kind::Sequence; }
    bool isQuoted() const { return style == Style::SingleQuoted || style == Style::DoubleQuoted; }

    /** The YAML 1.1 type of the node (yaml.v2's resolve()). */
    Resolved resolved() const;
    /** yaml.v2's short tag of the node: "!!str", "!!int", "!!bool", "!!seq", "!!map", ... */
    QString shortTag() const;
    /** Booleans per YAML 1.1: yes/no/on/off/y/n/true/false in yaml.v2's case forms. */
    bool toBool(bool *ok = nullptr) const;
    /** Integers per yaml.v2: 0755 octal, 0x1F hex, 0b101 binary, `_` ignored, floats truncated. */
    qint64 toInt(bool *ok = nullptr) const;

    /** The entry with this key (scalar keys only), or nullptr. */
    const YamlMapEntry *entry(const QString &key) const;
    const YamlNode *child(const QString &key) const;
};

/** A key/value pair of a map with the key span and the span of the whole entry. */
struct YamlMapEntry
{
    YamlNode key;
    YamlNode value;
    qint64 start = 0; ///< start of the key
    qint64 end = 0;   ///< end of the value (or of the `:` when the value is empty)
};

/** A parsed document, or the first error. */
struct YamlParseResult
{
    YamlNode root;
    bool ok = false;
    /** The error text (yaml.v2-style where werf would say it) and where it happened. */
    QString error;
    qint64 errorOffset = -1;
};

/**
 * Parses one YAML document of `text`, the bytes [begin, end), with yaml-cpp's event API.
 *
 * Reports duplicate keys the way yaml.v2 v2.3.0 strict mode does (`key "x" already set in map`,
 * located at the second occurrence; yaml.v3 would say `mapping key "x" already defined at
 * line N`), refuses nesting deeper than
 * yamlMaxDepth without recursion, and maps yaml-cpp's exceptions to a message and an offset.
 * firstLine is the 1-based line of `begin` in text (0: count it).
 */
YamlParseResult parseYamlDocument(const QByteArray &text,
                                  qint64 begin,
                                  qint64 end,
                                  int firstLine = 0);

/** The maximum nesting of collections accepted by parseYamlDocument(). */
inline constexpr int yamlMaxDepth = 512;
/** The maximum number of nodes of one document (aliases count with their copies). */
inline constexpr qint64 yamlMaxNodes = 200'000;

/** The node an alias refers to (a copy made while parsing); other nodes are returned as is. */
const YamlNode &resolveAlias(const YamlNode &node);

} // namespace Stagecraft::Model
