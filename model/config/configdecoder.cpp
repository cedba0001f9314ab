// SPDX-License-Identifier: GPL-3.0-or-later
#include "configdecoder.h"

#include "common/tr.h"
#include "config/linelocator.h"

#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>

namespace Stagecraft::Model {

namespace {

bool isSeparatorLine(const char *p, qsizetype n)
{
    if (n < 3 || p[0] != '-' || p[1] != '-' || p[2] != '-')
        return false;
    for (qsizetype i = 3; i < n; ++i) {
        const char c = p[i];
        if (c == '#')
            return true;
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

bool isEmptyDocument(const QByteArray &text, qint64 start, qint64 end)
{
    qint64 i = start;
    while (i < end) {
        qint64 le = i;
        while (le < end && text.at(le) != '\n')
            ++le;
        qint64 j = i;
        while (j < le && (text.at(j) == ' ' || text.at(j) == '\t' || text.at(j) == '\r'))
            ++j;
        if (j < le && text.at(j) != '#')
            return false;
        i = le + 1;
    }
    return true;
}

QString backquoted(const QString &s)
{
    return u'`' + s + u'`';
}

/** Go's fmt %v of a decoded YAML value (as werf prints it in its messages). */
QString goFormat(const YamlNode &input, int depth = 0)
{
    const YamlNode &n = resolveAlias(input);
    if (depth > 64)
        return QStringLiteral("...");
    switch (n.kind) {
    case YamlNode::Kind::Null:
        return QStringLiteral("<nil>");
    case YamlNode::Kind::Alias:
        return QStringLiteral("<nil>");
    case YamlNode::Kind::Sequence: {
        QStringList parts;
        for (const YamlNode &i : n.items)
            parts << goFormat(i, depth + 1);
        return u'[' + parts.join(u' ') + u']';
    }
    case YamlNode::Kind::Map: {
        std::map<QString, QString> sorted;
        for (const YamlMapEntry &e : n.entries)
            sorted[goFormat(e.key, depth + 1)] = goFormat(e.value, depth + 1);
        QStringList parts;
        for (const auto &[k, v] : sorted)
            parts << k + u':' + v;
        return QStringLiteral("map[") + parts.join(u' ') + u']';
    }
    case YamlNode::Kind::Scalar:
        break;
    }
    switch (n.resolved()) {
    case YamlNode::Resolved::Bool:
        return n.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case YamlNode::Resolved::Int:
        return QString::number(n.toInt());
    case YamlNode::Resolved::Float: {
        const QString v = n.value;
        if (v.endsWith(QStringLiteral("inf"), Qt::CaseInsensitive))
            return v.startsWith(u'-') ? QStringLiteral("-Inf") : QStringLiteral("+Inf");
        if (v.endsWith(QStringLiteral("nan"), Qt::CaseInsensitive))
            return QStringLiteral("NaN");
        QString plain = v;
        plain.remove(u'_');
        const double d = plain.toDouble();
        QString s = QString::number(d, 'g', QLocale::FloatingPointShortest);
        // Go prints exponents with at least two digits (1e+21), as does Qt.
        return s;
    }
    default:
        return n.value;
    }
}

/** yaml.v2's "cannot unmarshal" text for a node decoded into a Go type. */
QString unmarshalError(const YamlNode &input, const QString &goType)
{
    const YamlNode &n = resolveAlias(input);
    QString value;
    if (!n.isMap() && !n.isSequence()) {
        value = n.value;
        if (value.size() > 10)
            value = value.left(7) + QStringLiteral("...");
        value = QStringLiteral(" `") + value + u'`';
    }
    return QStringLiteral("cannot unmarshal %1%2 into %3").arg(n.shortTag(), value, goType);
}

const QStringList &ansibleModules()
{
    static const QStringList modules
            = QStringLiteral(
                      "command shell raw script openssl_certificate openssl_csr openssl_privatekey "
                      "openssl_publickey acl archive assemble blockinfile copy file replace find "
                      "ini_file "
                      "iso_extract lineinfile stat tempfile unarchive xattr get_url slurp uri "
                      "bower bundler "
                      "composer cpanm easy_install gem maven_artifact npm pear pip yarn apk apt "
                      "apt_key "
                      "apt_repository apt_rpm dnf dpkg_selections debconf homebrew homebrew_cask "
                      "homebrew_tap "
                      "layman macports openbsd_pkg opkg package pacman pkg5 pkg5_publisher pkgin "
                      "pkgng pkgutil "
                      "portage portinstall pulp_repo redhat_subscription rhn_channel rhn_register "
                      "rpm_key "
                      "slackpkg sorcery svr4pkg swdepot swupd urpmi xbps yum yum_repository zypper "
                      "zypper_repository cron user group getent locale_gen timezone meta assert "
                      "debug fail "
                      "set_fact wait_for")
                      .split(u' ');
    return modules;
}

const QRegularExpression &projectNameRegex()
{
    static const QRegularExpression re(QStringLiteral("^(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$"));
    return re;
}

/** werf's getRepositoryID: the last two path components of a git URL, without `.git`. */
QString repositoryName(const QString &url)
{
    QString s = url;
    if (s.endsWith(u'/'))
        s.chop(1);
    if (s.endsWith(QStringLiteral(".git")))
        s.chop(4);
    const qsizetype last = s.lastIndexOf(u'/');
    if (last <= 0 || last == s.size() - 1)
        return {};
    qsizetype sep = -1;
    for (qsizetype i = last - 1; i >= 0; --i) {
        if (s.at(i) == u'/' || s.at(i) == u':') {
            sep = i;
            break;
        }
    }
    if (sep < 0)
        return {};
    const QString name = s.mid(sep + 1);
    if (name.contains(u' '))
        return {};
    return name;
}

class Decoder;

/** The keys of one YAML map; tracks which were read so the rest are werf's "unknown fields". */
class Fields
{
public:
    Fields(Decoder &decoder, const YamlNode &map);

    const YamlMapEntry *take(const QString &key,
                             WerfVersion since = WerfVersion::V1_1,
                             bool removedAfter11 = false,
                             const QString &context = {});
    /** Reports ``unknown fields: `a`, `b`!`` when keys are left; returns false then. */
    bool checkUnknown();
    const YamlNode &node() const { return m_map; }

private:
    Decoder &m_decoder;
    const YamlNode &m_map;
    std::vector<const YamlMapEntry *> m_entries;
    std::vector<bool> m_used;
};

class Decoder
{
public:
    Decoder(const QByteArray &text,
            const SourceMap &map,
            WerfVersion rules,
            const QString &projectName)
        : m_text(text)
        , m_map(map)
        , m_rules(rules)
        , m_locator(text, 0, text.size(), 1)
        , m_projectName(projectName)
    {
        // An untemplated text maps to itself: locate it directly, which stays linear on very
        // long lines.
        const QList<SourceMap::Segment> &segments = map.segments();
        m_identity = segments.size() == 1 && segments.first().kind == SourceMap::Kind::Literal
                     && segments.first().sourceStart == 0 && segments.first().renderedStart == 0
                     && segments.first().renderedEnd == text.size();
        if (m_identity)
            m_identityFile = map.filePath(segments.first().file);
    }

    SourceLocation location(qint64 offset)
    {
        if (!m_identity)
            return m_map.location(offset);
        SourceLocation l;
        l.file = m_identityFile;
        l.offset = std::clamp<qint64>(offset, 0, m_text.size());
        m_locator.locate(l.offset, &l.line, &l.column);
        return l;
    }

    DocumentDecode decodeDocument(const DocumentRange &range, int index, bool metaSeen);

    // -- helpers used by Fields
    bool allows(WerfVersion since, bool removedAfter11) const
    {
        if (m_rules == WerfVersion::Auto)
            return true;
        if (removedAfter11 && m_rules != WerfVersion::V1_1)
            return false;
        return int(m_rules) >= int(since);
    }
    void feature(WerfVersion minimum, const QString &description, qint64 offset)
    {
        m_features.append({minimum, description, location(offset)});
    }
    void error(const QString &message, qint64 offset)
    {
        m_current->append(Diagnostic::error(message, location(offset)));
    }
    void warning(const QString &message, qint64 offset)
    {
        m_current->append(Diagnostic::warning(message, location(offset)));
    }
    Span span(qint64 start, qint64 end)
    {
        Span s;
        s.start = start;
        s.end = end;
        s.location = location(start);
        s.endLocation = location(end);
        return s;
    }
    Span span(const YamlNode &n) { return span(n.start, n.end); }

private:
    // -- typed values
    void readString(const YamlMapEntry *e,
                    StringValue &out,
                    const QString &goType = QStringLiteral("string"));
    void readBool(const YamlMapEntry *e, BoolValue &out);
    void readInt(const YamlMapEntry *e, IntValue &out);
    /** Keeps the raw node for the later InterfaceToStringArray conversion (phase 2). */
    void readStringList(const YamlMapEntry *e, StringListValue &out, const YamlNode **raw);
    bool convertStringList(const YamlNode *raw, StringListValue &out);
    void readStringMap(const YamlMapEntry *e, StringMapValue &out);
    bool expectMap(const YamlMapEntry *e, const QString &goType);
    bool expectSequence(const YamlMapEntry *e, const QString &goType);

    // -- documents
    void decodeMeta(const YamlNode &root, int document, const Span &docSpan);
    void decodeStapel(const YamlNode &root, int document, const Span &docSpan);
    void decodeDockerfile(const YamlNode &root, int document, const Span &docSpan);
    void decodeKeepPolicy(const YamlNode &node, KeepPolicy &policy);
    void decodeLimit(const YamlMapEntry *e, KeepPolicyLimit &limit);
    void decodeImageSpec(const YamlMapEntry *e, ImageSpecConfig &spec);
    void decodeDependencies(const YamlMapEntry *e, QList<DependencyConfig> &out, bool stapel);
    void decodeSecrets(const YamlMapEntry *e, QList<SecretConfig> &out);
    bool decodeAnsibleTasks(const YamlNode &list, QList<AnsibleTask> *out, int depth);
    QList<StapelImage> expandAsLayers(const StapelImage &image);

    /** Image names of `image:` (reference §1.5); false after an error. */
    bool imageNames(const YamlMapEntry *e, QStringList &names, QList<Span> &spans);

    const QByteArray &m_text;
    const SourceMap &m_map;
    WerfVersion m_rules;
    WerfConfig m_config;
    QList<VersionFeature> m_features;
    Diagnostics m_phase1;
    Diagnostics m_phase2;
    Diagnostics *m_current = &m_phase1;
    LineLocator m_locator;
    QString m_projectName;
    bool m_identity = false;
    QString m_identityFile;

    friend class Fields;
};

Fields::Fields(Decoder &decoder, const YamlNode &map)
    : m_decoder(decoder)
    , m_map(resolveAlias(map))
{
    // YAML merge keys (`<<: *base`) add the keys that the map does not set itself.
    QSet<QString> own;
    for (const YamlMapEntry &e : m_map.entries) {
        if (e.key.value != QStringLiteral("<<") || e.key.isQuoted()) {
            m_entries.push_back(&e);
            own.insert(e.key.value);
        }
    }
    for (const YamlMapEntry &e : m_map.entries) {
        if (e.key.value != QStringLiteral("<<") || e.key.isQuoted())
            continue;
        const YamlNode &v = resolveAlias(e.value);
        std::vector<const YamlNode *> sources;
        if (v.isMap())
            sources.push_back(&v);
        else if (v.isSequence()) {
            for (const YamlNode &i : v.items)
                sources.push_back(&resolveAlias(i));
        }
        for (const YamlNode *s : sources) {
            for (const YamlMapEntry &me : s->entries) {
                if (!own.contains(me.key.value)) {
                    own.insert(me.key.value);
                    m_entries.push_back(&me);
                }
            }
        }
    }
    m_used.assign(m_entries.size(), false);
}

const YamlMapEntry *Fields::take(const QString &key,
                                 WerfVersion since,
                                 bool removedAfter11,
                                 const QString &context)
{
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const YamlMapEntry *e = m_entries[i];
        if (e->key.value != key || !e->key.isScalar())
            continue;
        const QString what = (context.isEmpty() ? QString() : context + u' ')
                             + QStringLiteral("key ") + backquoted(key);
        if (since != WerfVersion::V1_1)
            m_decoder.feature(since, what, e->key.start);
        if (removedAfter11)
            m_decoder.feature(WerfVersion::V1_1, what, e->key.start);
        if (!m_decoder.allows(since, removedAfter11))
            return nullptr;
        m_used[i] = true;
        return e;
    }
    return nullptr;
}

bool Fields::checkUnknown()
{
    QStringList names;
    qint64 first = -1;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        if (m_used[i])
            continue;
        names << backquoted(m_entries[i]->key.value);
        if (first < 0)
            first = m_entries[i]->key.start;
    }
    if (names.isEmpty())
        return true;
    m_decoder.error(QStringLiteral("unknown fields: %1!").arg(names.join(QStringLiteral(", "))),
                    first);
    return false;
}

// ---- typed values ----------------------------------------------------------------------------

void Decoder::readString(const YamlMapEntry *e, StringValue &out, const QString &goType)
{
    if (!e)
        return;
    out.present = true;
    out.keySpan = span(e->key);
    out.valueSpan = span(e->value);
    const YamlNode &v = resolveAlias(e->value);
    if (v.isMap() || v.isSequence()) {
        error(unmarshalError(v, goType), e->value.start);
        return;
    }
    // yaml.v2 gives Go string fields the scalar's text whatever it resolves to; null is "".
    out.value = v.isNull() ? QString() : v.value;
}

void Decoder::readBool(const YamlMapEntry *e, BoolValue &out)
{
    if (!e)
        return;
    out.present = true;
    out.keySpan = span(e->key);
    out.valueSpan = span(e->value);
    const YamlNode &v = resolveAlias(e->value);
    if (v.isNull()) {
        out.value = false;
        return;
    }
    bool ok = false;
    out.value = v.toBool(&ok);
    if (!ok)
        error(unmarshalError(v, QStringLiteral("bool")), e->value.start);
}

void Decoder::readInt(const YamlMapEntry *e, IntValue &out)
{
    if (!e)
        return;
    out.present = true;
    out.keySpan = span(e->key);
    out.valueSpan = span(e->value);
    const YamlNode &v = resolveAlias(e->value);
    if (v.isNull())
        return;
    const YamlNode::Resolved r = v.resolved();
    if (r == YamlNode::Resolved::Int) {
        out.value = v.toInt();
        return;
    }
    if (r == YamlNode::Resolved::Float) {
        QString plain = v.value;
        plain.remove(u'_');
        bool ok = false;
        const double d = plain.toDouble(&ok);
        if (ok && std::isfinite(d) && std::abs(d) < 9.2e18) {
            out.value = qint64(d);
            return;
        }
    }
    error(unmarshalError(v, QStringLiteral("int")), e->value.start);
}

void Decoder::readStringList(const YamlMapEntry *e, StringListValue &out, const YamlNode **raw)
{
    *raw = nullptr;
    if (!e)
        return;
    out.present = true;
    out.keySpan = span(e->key);
    out.valueSpan = span(e->value);
    *raw = &e->value;
}

bool Decoder::convertStringList(const YamlNode *raw, StringListValue &out)
{
    if (!raw)
        return true;
    const YamlNode &v = resolveAlias(*raw);
    auto isGoString = [](const YamlNode &n) {
        return n.isScalar() && !n.isNull() && n.resolved() == YamlNode::Resolved::String;
    };
    if (v.isNull())
        return true;
    if (isGoString(v)) {
        out.value << v.value;
        out.itemSpans << span(*raw);
        return true;
    }
    if (v.isSequence()) {
        out.isList = true;
        for (const YamlNode &item : v.items) {
            const YamlNode &i = resolveAlias(item);
            if (!isGoString(i)) {
                error(QStringLiteral("single string or array of strings expected, got `%1`!")
                              .arg(goFormat(i)),
                      item.start);
                return false;
            }
            out.value << i.value;
            out.itemSpans << span(item);
        }
        return true;
    }
    error(QStringLiteral("single string or array of strings expected, got `%1`!").arg(goFormat(v)),
          raw->start);
    return false;
}

void Decoder::readStringMap(const YamlMapEntry *e, StringMapValue &out)
{
    if (!e)
        return;
    out.present = true;
    out.keySpan = span(e->key);
    out.valueSpan = span(e->value);
    const YamlNode &v = resolveAlias(e->value);
    if (v.isNull())
        return;
    if (!v.isMap()) {
        error(unmarshalError(v, QStringLiteral("map[string]string")), e->value.start);
        return;
    }
    for (const YamlMapEntry &me : v.entries) {
        KeyValue kv;
        readString(&me, kv.value);
        kv.key.present = true;
        kv.key.value = resolveAlias(me.key).value;
        kv.key.valueSpan = span(me.key);
        kv.key.keySpan = kv.key.valueSpan;
        out.entries << kv;
    }
}

bool Decoder::expectMap(const YamlMapEntry *e, const QString &goType)
{
    const YamlNode &v = resolveAlias(e->value);
    if (v.isMap())
        return true;
    if (!v.isNull())
        error(unmarshalError(v, goType), e->value.start);
    return false;
}

bool Decoder::expectSequence(const YamlMapEntry *e, const QString &goType)
{
    const YamlNode &v = resolveAlias(e->value);
    if (v.isSequence())
        return true;
    if (!v.isNull())
        error(unmarshalError(v, goType), e->value.start);
    return false;
}

// ---- meta ------------------------------------------------------------------------------------

void Decoder::decodeLimit(const YamlMapEntry *e, KeepPolicyLimit &limit)
{
    if (!e)
        return;
    limit.present = true;
    limit.span = span(e->value);
    if (!expectMap(e, QStringLiteral("config.rawMetaCleanupKeepPolicyLimit")))
        return;
    Fields f(*this, e->value);
    readInt(f.take(QStringLiteral("last")), limit.last);
    readString(f.take(QStringLiteral("in")), limit.in);
    readString(f.take(QStringLiteral("operator")), limit.operatorValue);
    f.checkUnknown();
    if (limit.operatorValue.present && limit.operatorValue.value != QStringLiteral("Or")
        && limit.operatorValue.value != QStringLiteral("And")) {
        error(QStringLiteral("unsupported value '%1' for `operator: Or|And`!")
                      .arg(limit.operatorValue.value),
              limit.operatorValue.valueSpan.start);
    }
    if (limit.in.present && !limit.in.value.isEmpty()) {
        static const QRegularExpression duration(QStringLiteral(
                R"(^[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+$|^0$)"));
        if (!duration.match(limit.in.value).hasMatch())
            error(QStringLiteral("time: invalid duration \"%1\"").arg(limit.in.value),
                  limit.in.valueSpan.start);
    }
}

void Decoder::decodeKeepPolicy(const YamlNode &node, KeepPolicy &policy)
{
    policy.span = span(node);
    const YamlNode &n = resolveAlias(node);
    if (!n.isMap()) {
        if (!n.isNull())
            error(unmarshalError(n, QStringLiteral("config.rawMetaCleanupKeepPolicy")), node.start);
        error(QStringLiteral("cleanup keep policy must have references section!"), node.start);
        return;
    }
    Fields f(*this, n);
    const YamlMapEntry *refs = f.take(QStringLiteral("references"));
    decodeLimit(f.take(QStringLiteral("imagesPerReference")), policy.imagesPerReference);
    f.checkUnknown();
    if (!refs || resolveAlias(refs->value).isNull()) {
        error(QStringLiteral("cleanup keep policy must have references section!"), node.start);
        return;
    }
    policy.hasReferences = true;
    if (!expectMap(refs, QStringLiteral("config.rawMetaCleanupKeepPolicyReferences")))
        return;
    Fields rf(*this, refs->value);
    readString(rf.take(QStringLiteral("tag")), policy.tag);
    readString(rf.take(QStringLiteral("branch")), policy.branch);
    decodeLimit(rf.take(QStringLiteral("limit")), policy.limit);
    rf.checkUnknown();
    const bool hasTag = policy.tag.present && !policy.tag.value.isEmpty();
    const bool hasBranch = policy.branch.present && !policy.branch.value.isEmpty();
    if (!hasTag && !hasBranch) {
        error(QStringLiteral(
                      "tag `tag: string|REGEX` or branch `branch: string|REGEX` required for "
                      "cleanup keep policy!"),
              refs->key.start);
    } else if (hasTag && hasBranch) {
        error(QStringLiteral(
                      "specify only tag `tag: string|REGEX` or branch `branch: string|REGEX` "
                      "for cleanup keep policy!"),
              refs->key.start);
    }
    for (StringValue *v : {&policy.tag, &policy.branch}) {
        if (!v->present || v->value.size() < 2 || !v->value.startsWith(u'/')
            || !v->value.endsWith(u'/'))
            continue;
        const QRegularExpression re(v->value.mid(1, v->value.size() - 2));
        if (!re.isValid()) {
            const QString which = v == &policy.tag ? QStringLiteral("tag")
                                                   : QStringLiteral("branch");
            error(QStringLiteral("invalid value '%1' for `%2: string|REGEX`!").arg(v->value, which),
                  v->valueSpan.start);
        }
    }
}

void Decoder::decodeImageSpec(const YamlMapEntry *e, ImageSpecConfig &spec)
{
    if (!e)
        return;
    spec.present = true;
    spec.span = span(e->value);
    if (!expectMap(e, QStringLiteral("config.rawImageSpec")))
        return;
    Fields f(*this, e->value);
    readString(f.take(QStringLiteral("author")), spec.author);
    readBool(f.take(QStringLiteral("clearHistory")), spec.clearHistory);
    std::vector<std::pair<const YamlNode *, StringListValue *>> lists;
    if (const YamlMapEntry *c = f.take(QStringLiteral("config"))) {
        if (expectMap(c, QStringLiteral("config.rawImageSpecConfig"))) {
            Fields cf(*this, c->value);
            readBool(cf.take(QStringLiteral("clearWerfLabels")), spec.clearWerfLabels);
            const YamlNode *raw = nullptr;
            const std::pair<const char *, StringListValue *> listKeys[] = {
                    {"removeLabels", &spec.removeLabels},
                    {"removeVolumes", &spec.removeVolumes},
                    {"removeEnv", &spec.removeEnv},
                    {"expose", &spec.expose},
                    {"volumes", &spec.volumes},
                    {"cmd", &spec.cmd},
                    {"entrypoint", &spec.entrypoint},
            };
            for (const auto &[key, target] : listKeys) {
                readStringList(cf.take(QString::fromLatin1(key)), *target, &raw);
                lists.emplace_back(raw, target);
            }
            readStringMap(cf.take(QStringLiteral("labels")), spec.labels);
            readStringMap(cf.take(QStringLiteral("env")), spec.env);
            readString(cf.take(QStringLiteral("user")), spec.user);
            readString(cf.take(QStringLiteral("workingDir")), spec.workingDir);
            readString(cf.take(QStringLiteral("stopSignal")), spec.stopSignal);
            cf.take(QStringLiteral("keepEssentialWerfLabels"));
            cf.take(QStringLiteral("healthcheck"));
            cf.checkUnknown();
        }
    }
    f.checkUnknown();
    for (const auto &[raw, target] : lists)
        convertStringList(raw, *target);
}

void Decoder::decodeMeta(const YamlNode &root, int document, const Span &docSpan)
{
    MetaConfig &meta = m_config.meta;
    if (meta.present) {
        error(QStringLiteral("duplicate meta config section definition"), root.start);
        return;
    }
    meta.present = true;
    meta.document = document;
    meta.documentSpan = docSpan;
    Fields f(*this, root);
    const YamlMapEntry *cv = f.take(QStringLiteral("configVersion"));
    readInt(cv, meta.configVersion);
    readString(f.take(QStringLiteral("project")), meta.project);
    if (const YamlMapEntry *d = f.take(QStringLiteral("deploy"))) {
        meta.deploy.present = true;
        meta.deploy.span = span(d->value);
        if (expectMap(d, QStringLiteral("config.rawMetaDeploy"))) {
            Fields df(*this, d->value);
            readString(df.take(QStringLiteral("helmChartDir"),
                               WerfVersion::V1_2,
                               false,
                               QStringLiteral("meta deploy")),
                       meta.deploy.helmChartDir);
            readString(df.take(QStringLiteral("helmRelease")), meta.deploy.helmRelease);
            readBool(df.take(QStringLiteral("helmReleaseSlug")), meta.deploy.helmReleaseSlug);
            readString(df.take(QStringLiteral("namespace")), meta.deploy.namespaceValue);
            readBool(df.take(QStringLiteral("namespaceSlug")), meta.deploy.namespaceSlug);
            df.checkUnknown();
        }
    }
    if (const YamlMapEntry *c = f.take(QStringLiteral("cleanup"))) {
        meta.cleanup.present = true;
        meta.cleanup.span = span(c->value);
        if (expectMap(c, QStringLiteral("config.rawMetaCleanup"))) {
            Fields cf(*this, c->value);
            if (const YamlMapEntry *kp = cf.take(QStringLiteral("keepPolicies"))) {
                if (expectSequence(kp, QStringLiteral("[]*config.rawMetaCleanupKeepPolicy"))) {
                    for (const YamlNode &item : resolveAlias(kp->value).items) {
                        KeepPolicy policy;
                        decodeKeepPolicy(item, policy);
                        meta.cleanup.keepPolicies << policy;
                    }
                }
            }
            const QString ctx = QStringLiteral("meta cleanup");
            readBool(cf.take(QStringLiteral("disableKubernetesBasedPolicy"),
                             WerfVersion::V1_2,
                             false,
                             ctx),
                     meta.cleanup.disableKubernetesBasedPolicy);
            readBool(cf.take(QStringLiteral("disableGitHistoryBasedPolicy"),
                             WerfVersion::V1_2,
                             false,
                             ctx),
                     meta.cleanup.disableGitHistoryBasedPolicy);
            readBool(cf.take(QStringLiteral("disableBuiltWithinLastNHoursPolicy"),
                             WerfVersion::V1_2,
                             false,
                             ctx),
                     meta.cleanup.disableBuiltWithinLastNHoursPolicy);
            readInt(cf.take(QStringLiteral("keepImagesBuiltWithinLastNHours"),
                            WerfVersion::V1_2,
                            false,
                            ctx),
                    meta.cleanup.keepImagesBuiltWithinLastNHours);
            cf.checkUnknown();
        }
    }
    if (const YamlMapEntry *b = f.take(QStringLiteral("build"),
                                       WerfVersion::V1_2,
                                       false,
                                       QStringLiteral("meta"))) {
        meta.build.present = true;
        meta.build.span = span(b->value);
        if (expectMap(b, QStringLiteral("config.rawMetaBuild"))) {
            Fields bf(*this, b->value);
            const QString ctx = QStringLiteral("meta build");
            const YamlNode *raw = nullptr;
            readStringList(bf.take(QStringLiteral("platform"), WerfVersion::V1_2, false, ctx),
                           meta.build.platform,
                           &raw);
            readString(bf.take(QStringLiteral("cacheVersion"), WerfVersion::V2, false, ctx),
                       meta.build.cacheVersion);
            readBool(bf.take(QStringLiteral("staged"), WerfVersion::V2, false, ctx),
                     meta.build.staged);
            decodeImageSpec(bf.take(QStringLiteral("imageSpec"), WerfVersion::V2, false, ctx),
                            meta.build.imageSpec);
            bf.take(QStringLiteral("sbom"), WerfVersion::V2, false, ctx);
            bf.checkUnknown();
            convertStringList(raw, meta.build.platform);
        }
    }
    if (const YamlMapEntry *g = f.take(QStringLiteral("gitWorktree"),
                                       WerfVersion::V1_2,
                                       false,
                                       QStringLiteral("meta"))) {
        meta.gitWorktree.present = true;
        meta.gitWorktree.span = span(g->value);
        if (expectMap(g, QStringLiteral("config.rawMetaGitWorktree"))) {
            Fields gf(*this, g->value);
            readBool(gf.take(QStringLiteral("forceShallowClone")),
                     meta.gitWorktree.forceShallowClone);
            readBool(gf.take(QStringLiteral("allowUnshallow")), meta.gitWorktree.allowUnshallow);
            readBool(gf.take(QStringLiteral("allowFetchOriginBranchesAndTags")),
                     meta.gitWorktree.allowFetchOriginBranchesAndTags);
            gf.checkUnknown();
        }
    }
    f.checkUnknown();

    if (!meta.configVersion.present || meta.configVersion.value != 1) {
        error(QStringLiteral("'configVersion: 1' field required!"),
              cv ? cv->value.start : root.start);
    }
    if (!meta.project.present || meta.project.value.isEmpty()) {
        error(QStringLiteral("'project' field cannot be empty!"),
              meta.project.present ? meta.project.valueSpan.start : root.start);
    } else if (!projectNameRegex().match(meta.project.value).hasMatch()
               || meta.project.value.size() > 50) {
        error(QStringLiteral(
                      "bad project name '%1' specified in config: project name should comply "
                      "with regex '%2' and be maximum 50 chars")
                      .arg(meta.project.value, projectNameRegex().pattern()),
              meta.project.valueSpan.start);
    }
    if (meta.deploy.helmRelease.present && meta.deploy.helmRelease.value.isEmpty())
        error(QStringLiteral("helmRelease field cannot be empty!"),
              meta.deploy.helmRelease.valueSpan.start);
    if (meta.deploy.namespaceValue.present && meta.deploy.namespaceValue.value.isEmpty())
        error(QStringLiteral("namespace field cannot be empty!"),
              meta.deploy.namespaceValue.valueSpan.start);
}

// ---- shared newer-syntax sections ------------------------------------------------------------

void Decoder::decodeDependencies(const YamlMapEntry *e, QList<DependencyConfig> &out, bool stapel)
{
    if (!e || !expectSequence(e, QStringLiteral("[]*config.rawDependency")))
        return;
    for (const YamlNode &item : resolveAlias(e->value).items) {
        DependencyConfig dep;
        dep.span = span(item);
        const YamlNode &n = resolveAlias(item);
        if (!n.isMap()) {
            error(unmarshalError(n, QStringLiteral("config.rawDependency")), item.start);
            continue;
        }
        Fields f(*this, n);
        readString(f.take(QStringLiteral("image")), dep.image);
        if (stapel) {
            readString(f.take(QStringLiteral("before")), dep.before);
            readString(f.take(QStringLiteral("after")), dep.after);
        }
        if (const YamlMapEntry *imports = f.take(QStringLiteral("imports"))) {
            if (expectSequence(imports, QStringLiteral("[]*config.rawDependencyImport"))) {
                for (const YamlNode &ii : resolveAlias(imports->value).items) {
                    DependencyConfig::Import imp;
                    imp.span = span(ii);
                    const YamlNode &in = resolveAlias(ii);
                    if (!in.isMap()) {
                        error(unmarshalError(in, QStringLiteral("config.rawDependencyImport")),
                              ii.start);
                        continue;
                    }
                    Fields inf(*this, in);
                    readString(inf.take(QStringLiteral("type")), imp.type);
                    readString(inf.take(QStringLiteral("targetEnv")), imp.targetEnv);
                    readString(inf.take(QStringLiteral("targetBuildArg")), imp.targetBuildArg);
                    inf.checkUnknown();
                    static const QStringList types{QStringLiteral("ImageName"),
                                                   QStringLiteral("ImageID"),
                                                   QStringLiteral("ImageRepo"),
                                                   QStringLiteral("ImageTag"),
                                                   QStringLiteral("ImageDigest"),
                                                   QStringLiteral("ImagePlatform")};
                    if (!types.contains(imp.type.value))
                        error(QStringLiteral(
                                      "invalid `type: %1` for dependency import: expected "
                                      "ImageName, ImageID, ImageRepo, ImageTag or ImageDigest")
                                      .arg(imp.type.value),
                              imp.type.present ? imp.type.valueSpan.start : ii.start);
                    dep.imports << imp;
                }
            }
        }
        f.checkUnknown();
        if (!dep.image.present || dep.image.value.isEmpty())
            error(QStringLiteral("image name `image: NAME` required for dependency!"), item.start);
        out << dep;
    }
}

void Decoder::decodeSecrets(const YamlMapEntry *e, QList<SecretConfig> &out)
{
    if (!e || !expectSequence(e, QStringLiteral("[]*config.rawSecret")))
        return;
    for (const YamlNode &item : resolveAlias(e->value).items) {
        SecretConfig s;
        s.span = span(item);
        const YamlNode &n = resolveAlias(item);
        if (!n.isMap()) {
            error(unmarshalError(n, QStringLiteral("config.rawSecret")), item.start);
            continue;
        }
        Fields f(*this, n);
        readString(f.take(QStringLiteral("id")), s.id);
        readString(f.take(QStringLiteral("env")), s.env);
        readString(f.take(QStringLiteral("src")), s.src);
        readString(f.take(QStringLiteral("value")), s.value);
        f.checkUnknown();
        const int kinds = int(s.env.present) + int(s.src.present) + int(s.value.present);
        if (kinds != 1)
            error(QStringLiteral("secret must have exactly one of `env`, `src` or `value`"),
                  item.start);
        else if (s.value.present && !s.id.present)
            error(QStringLiteral("secret with `value` requires `id`"), item.start);
        out << s;
    }
}

// ---- stapel ----------------------------------------------------------------------------------

bool Decoder::imageNames(const YamlMapEntry *e, QStringList &names, QList<Span> &spans)
{
    const YamlNode &v = resolveAlias(e->value);
    if (v.isNull()) {
        names << QString();
        spans << span(e->key);
        return true;
    }
    if (v.isSequence()) {
        for (const YamlNode &item : v.items) {
            const YamlNode &i = resolveAlias(item);
            if (!i.isScalar() || i.isNull() || i.resolved() != YamlNode::Resolved::String) {
                error(QStringLiteral("single string or array of strings expected, got `%1`!")
                              .arg(goFormat(i)),
                      item.start);
                return false;
            }
            names << i.value;
            spans << span(item);
        }
        return true;
    }
    if (v.isScalar() && v.resolved() == YamlNode::Resolved::String) {
        names << v.value;
        spans << span(e->value);
        return true;
    }
    error(QStringLiteral("invalid image name `%1`!").arg(goFormat(v)), e->value.start);
    return false;
}

bool Decoder::decodeAnsibleTasks(const YamlNode &list, QList<AnsibleTask> *out, int depth)
{
    const YamlNode &l = resolveAlias(list);
    if (l.isNull())
        return true;
    if (!l.isSequence()) {
        error(unmarshalError(l, QStringLiteral("[]*config.rawAnsibleTask")), list.start);
        return false;
    }
    bool ok = true;
    for (const YamlNode &item : l.items) {
        const YamlNode &t = resolveAlias(item);
        if (!t.isMap()) {
            error(unmarshalError(t, QStringLiteral("config.rawAnsibleTask")), item.start);
            ok = false;
            continue;
        }
        AnsibleTask task;
        task.span = span(item);
        bool isBlock = false;
        for (const char *blockKey : {"block", "rescue", "always"}) {
            const YamlNode *sub = t.child(QString::fromLatin1(blockKey));
            if (!sub || resolveAlias(*sub).isNull())
                continue;
            isBlock = true;
            if (task.module.isEmpty())
                task.module = QString::fromLatin1(blockKey);
            if (depth < 64)
                ok = decodeAnsibleTasks(*sub, nullptr, depth + 1) && ok;
        }
        if (!isBlock) {
            int found = 0;
            for (const QString &m : ansibleModules()) {
                const YamlNode *v = t.child(m);
                if (v && !resolveAlias(*v).isNull()) {
                    if (++found == 1)
                        task.module = m;
                }
            }
            if (found > 1) {
                error(QStringLiteral("invalid ansible task!"), item.start);
                ok = false;
            } else if (found == 0) {
                QString list;
                for (const QString &m : ansibleModules())
                    list += QStringLiteral("* ") + m + u'\n';
                error(QStringLiteral("unsupported ansible task!\n\nSupported modules list:\n")
                              + list,
                      item.start);
                ok = false;
            }
        }
        if (out) {
            task.node = item;
            out->append(task);
        }
    }
    return ok;
}

void Decoder::decodeStapel(const YamlNode &root, int document, const Span &docSpan)
{
    Fields f(*this, root);
    StapelImage base;
    base.document = document;
    base.documentSpan = docSpan;

    const YamlMapEntry *imageEntry = f.take(QStringLiteral("image"));
    const YamlMapEntry *artifactEntry = f.take(QStringLiteral("artifact"));
    StringValue artifactName;
    readString(artifactEntry, artifactName);

    // InterfaceToStringArray runs when werf converts the raw sections, after decoding.
    auto list = [&](const YamlMapEntry *e, StringListValue &target) {
        const YamlNode *raw = nullptr;
        readStringList(e, target, &raw);
        return raw;
    };
    struct GitRaw
    {
        const YamlNode *include = nullptr, *exclude = nullptr, *install = nullptr,
                       *beforeSetup = nullptr, *setup = nullptr;
    };
    std::vector<GitRaw> gitRaws;
    std::vector<std::pair<const YamlNode *, const YamlNode *>> importRaws;
    const YamlNode *shellRaws[4] = {nullptr, nullptr, nullptr, nullptr};

    readString(f.take(QStringLiteral("from")), base.from);
    readBool(f.take(QStringLiteral("fromLatest")), base.fromLatest);
    readBool(f.take(QStringLiteral("herebyIAdmitThatFromLatestMightBreakReproducibility"),
                    WerfVersion::V1_1,
                    true),
             base.herebyIAdmitThatFromLatestMightBreakReproducibility);
    readString(f.take(QStringLiteral("fromCacheVersion")), base.fromCacheVersion);
    readString(f.take(QStringLiteral("fromImage")), base.fromImage);
    readString(f.take(QStringLiteral("fromImageArtifact"), WerfVersion::V1_1, true),
               base.fromImageArtifact);
    readString(f.take(QStringLiteral("fromArtifact"), WerfVersion::V1_2), base.fromArtifact);
    readBool(f.take(QStringLiteral("asLayers"), WerfVersion::V1_1, true), base.asLayers);
    readBool(f.take(QStringLiteral("final"), WerfVersion::V1_2), base.final_);
    readBool(f.take(QStringLiteral("disableGitAfterPatch"), WerfVersion::V1_2),
             base.disableGitAfterPatch);
    readString(f.take(QStringLiteral("cacheVersion"), WerfVersion::V2), base.cacheVersion);
    readString(f.take(QStringLiteral("network"), WerfVersion::V2), base.network);
    const YamlNode *platformRaw = list(f.take(QStringLiteral("platform"), WerfVersion::V1_2),
                                       base.platform);
    decodeDependencies(f.take(QStringLiteral("dependencies"), WerfVersion::V1_2),
                       base.dependencies,
                       true);
    decodeSecrets(f.take(QStringLiteral("secrets"), WerfVersion::V2), base.secrets);
    decodeImageSpec(f.take(QStringLiteral("imageSpec"), WerfVersion::V2), base.imageSpec);

    // git
    if (const YamlMapEntry *g = f.take(QStringLiteral("git"))) {
        if (expectSequence(g, QStringLiteral("[]*config.rawGit"))) {
            for (const YamlNode &item : resolveAlias(g->value).items) {
                const YamlNode &n = resolveAlias(item);
                GitMapping git;
                GitRaw raws;
                git.span = span(item);
                if (!n.isMap()) {
                    error(unmarshalError(n, QStringLiteral("config.rawGit")), item.start);
                    continue;
                }
                Fields gf(*this, n);
                readString(gf.take(QStringLiteral("url")), git.url);
                git.remote = git.url.present;
                readString(gf.take(QStringLiteral("add")), git.add);
                readString(gf.take(QStringLiteral("to")), git.to);
                readString(gf.take(QStringLiteral("owner")), git.owner);
                readString(gf.take(QStringLiteral("group")), git.group);
                raws.include = list(gf.take(QStringLiteral("includePaths")), git.includePaths);
                raws.exclude = list(gf.take(QStringLiteral("excludePaths")), git.excludePaths);
                readString(gf.take(QStringLiteral("branch")), git.branch);
                readString(gf.take(QStringLiteral("tag")), git.tag);
                readString(gf.take(QStringLiteral("commit")), git.commit);
                readBool(gf.take(QStringLiteral("herebyIAdmitThatBranchMightBreakReproducibility"),
                                 WerfVersion::V1_1,
                                 true),
                         git.herebyIAdmitThatBranchMightBreakReproducibility);
                if (const YamlMapEntry *sd = gf.take(QStringLiteral("stageDependencies"))) {
                    git.stageDependencies.present = true;
                    git.stageDependencies.span = span(sd->value);
                    if (expectMap(sd, QStringLiteral("config.rawStageDependencies"))) {
                        Fields sf(*this, sd->value);
                        raws.install = list(sf.take(QStringLiteral("install")),
                                            git.stageDependencies.install);
                        raws.beforeSetup = list(sf.take(QStringLiteral("beforeSetup")),
                                                git.stageDependencies.beforeSetup);
                        raws.setup = list(sf.take(QStringLiteral("setup")),
                                          git.stageDependencies.setup);
                        sf.checkUnknown();
                    }
                }
                gf.checkUnknown();
                if (git.remote)
                    git.repositoryName = repositoryName(git.url.value);
                base.git << git;
                gitRaws.push_back(raws);
            }
        }
    }

    // shell
    if (const YamlMapEntry *s = f.take(QStringLiteral("shell"))) {
        base.shell.present = !resolveAlias(s->value).isNull();
        base.shell.span = span(s->value);
        if (expectMap(s, QStringLiteral("config.rawShell"))) {
            Fields sf(*this, s->value);
            shellRaws[0] = list(sf.take(QStringLiteral("beforeInstall")), base.shell.beforeInstall);
            shellRaws[1] = list(sf.take(QStringLiteral("install")), base.shell.install);
            shellRaws[2] = list(sf.take(QStringLiteral("beforeSetup")), base.shell.beforeSetup);
            shellRaws[3] = list(sf.take(QStringLiteral("setup")), base.shell.setup);
            readString(sf.take(QStringLiteral("cacheVersion")), base.shell.cacheVersion);
            readString(sf.take(QStringLiteral("beforeInstallCacheVersion")),
                       base.shell.beforeInstallCacheVersion);
            readString(sf.take(QStringLiteral("installCacheVersion")),
                       base.shell.installCacheVersion);
            readString(sf.take(QStringLiteral("beforeSetupCacheVersion")),
                       base.shell.beforeSetupCacheVersion);
            readString(sf.take(QStringLiteral("setupCacheVersion")), base.shell.setupCacheVersion);
            sf.checkUnknown();
        }
    }

    // ansible
    if (const YamlMapEntry *a = f.take(QStringLiteral("ansible"))) {
        base.ansible.present = !resolveAlias(a->value).isNull();
        base.ansible.span = span(a->value);
        if (expectMap(a, QStringLiteral("config.rawAnsible"))) {
            Fields af(*this, a->value);
            const std::pair<const char *, AnsibleTaskList *> stages[] = {
                    {"beforeInstall", &base.ansible.beforeInstall},
                    {"install", &base.ansible.install},
                    {"beforeSetup", &base.ansible.beforeSetup},
                    {"setup", &base.ansible.setup},
            };
            for (const auto &[key, target] : stages) {
                if (const YamlMapEntry *te = af.take(QString::fromLatin1(key))) {
                    target->present = true;
                    target->keySpan = span(te->key);
                    target->valueSpan = span(te->value);
                    decodeAnsibleTasks(te->value, &target->tasks, 0);
                }
            }
            readString(af.take(QStringLiteral("cacheVersion")), base.ansible.cacheVersion);
            readString(af.take(QStringLiteral("beforeInstallCacheVersion")),
                       base.ansible.beforeInstallCacheVersion);
            readString(af.take(QStringLiteral("installCacheVersion")),
                       base.ansible.installCacheVersion);
            readString(af.take(QStringLiteral("beforeSetupCacheVersion")),
                       base.ansible.beforeSetupCacheVersion);
            readString(af.take(QStringLiteral("setupCacheVersion")), base.ansible.setupCacheVersion);
            af.checkUnknown();
        }
    }

    // mount
    if (const YamlMapEntry *m = f.take(QStringLiteral("mount"))) {
        if (expectSequence(m, QStringLiteral("[]*config.rawMount"))) {
            for (const YamlNode &item : resolveAlias(m->value).items) {
                const YamlNode &n = resolveAlias(item);
                MountConfig mount;
                mount.span = span(item);
                if (!n.isMap()) {
                    error(unmarshalError(n, QStringLiteral("config.rawMount")), item.start);
                    continue;
                }
                Fields mf(*this, n);
                readString(mf.take(QStringLiteral("to")), mount.to);
                readString(mf.take(QStringLiteral("from")), mount.from);
                readString(mf.take(QStringLiteral("fromPath")), mount.fromPath);
                mf.checkUnknown();
                base.mounts << mount;
            }
        }
    }

    // import
    if (const YamlMapEntry *im = f.take(QStringLiteral("import"))) {
        if (expectSequence(im, QStringLiteral("[]*config.rawImport"))) {
            for (const YamlNode &item : resolveAlias(im->value).items) {
                const YamlNode &n = resolveAlias(item);
                ImportConfig imp;
                imp.span = span(item);
                if (!n.isMap()) {
                    error(unmarshalError(n, QStringLiteral("config.rawImport")), item.start);
                    continue;
                }
                Fields inf(*this, n);
                readString(inf.take(QStringLiteral("image")), imp.image);
                readString(inf.take(QStringLiteral("artifact")), imp.artifact);
                readString(inf.take(QStringLiteral("add")), imp.add);
                readString(inf.take(QStringLiteral("to")), imp.to);
                readString(inf.take(QStringLiteral("before")), imp.before);
                readString(inf.take(QStringLiteral("after")), imp.after);
                readString(inf.take(QStringLiteral("stage")), imp.stage);
                const YamlNode *inc = list(inf.take(QStringLiteral("includePaths")),
                                           imp.includePaths);
                const YamlNode *exc = list(inf.take(QStringLiteral("excludePaths")),
                                           imp.excludePaths);
                importRaws.emplace_back(inc, exc);
                readString(inf.take(QStringLiteral("owner")), imp.owner);
                readString(inf.take(QStringLiteral("group")), imp.group);
                inf.checkUnknown();
                base.imports << imp;
            }
        }
    }

    // docker
    std::vector<std::pair<const YamlNode *, StringListValue *>> dockerLists;
    if (const YamlMapEntry *d = f.take(QStringLiteral("docker"))) {
        base.docker.present = !resolveAlias(d->value).isNull();
        base.docker.span = span(d->value);
        if (expectMap(d, QStringLiteral("config.rawDocker"))) {
            Fields df(*this, d->value);
            const std::pair<const char *, StringListValue *> dl[] = {
                    {"VOLUME", &base.docker.volume},
                    {"EXPOSE", &base.docker.expose},
                    {"CMD", &base.docker.cmd},
                    {"ENTRYPOINT", &base.docker.entrypoint},
            };
            for (const auto &[key, target] : dl) {
                const YamlNode *raw = nullptr;
                readStringList(df.take(QString::fromLatin1(key)), *target, &raw);
                dockerLists.emplace_back(raw, target);
            }
            readStringMap(df.take(QStringLiteral("ENV")), base.docker.env);
            readStringMap(df.take(QStringLiteral("LABEL")), base.docker.label);
            readString(df.take(QStringLiteral("WORKDIR")), base.docker.workdir);
            readString(df.take(QStringLiteral("USER")), base.docker.user);
            readString(df.take(QStringLiteral("HEALTHCHECK")), base.docker.healthcheck);
            readString(df.take(QStringLiteral("exactValues"),
                               WerfVersion::V1_2,
                               false,
                               QStringLiteral("docker")),
                       base.docker.exactValues);
            df.checkUnknown();
        }
    }

    // image names, unknown fields, document type (rawStapelImage.UnmarshalYAML)
    QStringList names;
    QList<Span> nameSpans;
    bool namesOk = true;
    if (imageEntry)
        namesOk = imageNames(imageEntry, names, nameSpans);
    // werf validates the image names before it looks for unknown fields.
    if (!namesOk || !f.checkUnknown())
        return;
    const bool isImage = !names.isEmpty();
    const bool isArtifact = !artifactName.value.isEmpty();
    if (isImage && isArtifact) {
        error(QStringLiteral(
                      "unknown doc type: one and only one of `image: NAME` or `artifact: NAME` "
                      "non-empty name required!"),
              root.start);
        return;
    }
    if (!isImage && !isArtifact) {
        if (!imageEntry)
            error(QStringLiteral("unknown doc type: one of `image: NAME` or `artifact: NAME` "
                                 "non-empty name required!"),
                  root.start);
        // `image: []` declares no image at all.
        return;
    }

    // ---- conversion to directives (phase 2, per image in document order)
    m_current = &m_phase2;
    base.artifact = isArtifact;

    // git
    auto relativeList = [this](const YamlNode *raw, StringListValue &target, const char *key) {
        if (!convertStringList(raw, target))
            return;
        for (int i = 0; i < target.value.size(); ++i) {
            if (target.value.at(i).startsWith(u'/')) {
                error(QStringLiteral("`%1: [PATH, ...]|PATH` should be relative paths!")
                              .arg(QString::fromLatin1(key)),
                      target.itemSpans.at(i).start);
                break;
            }
        }
        for (QString &p : target.value)
            p = cleanPath(p);
    };
    for (int gi = 0; gi < base.git.size(); ++gi) {
        GitMapping &git = base.git[gi];
        const GitRaw &raws = gitRaws[size_t(gi)];
        git.add.value = git.add.present ? cleanPath(git.add.value) : QStringLiteral("/");
        if (git.to.present)
            git.to.value = cleanPath(git.to.value);
        const qint64 at = git.span.start;
        if (!git.add.value.startsWith(u'/'))
            error(QStringLiteral("`add: PATH` absolute path required for import!"),
                  git.add.present ? git.add.valueSpan.start : at);
        if (!git.to.present || !git.to.value.startsWith(u'/'))
            error(QStringLiteral("`to: PATH` absolute path required for import!"),
                  git.to.present ? git.to.valueSpan.start : at);
        relativeList(raws.include, git.includePaths, "includePaths");
        relativeList(raws.exclude, git.excludePaths, "excludePaths");
        relativeList(raws.install, git.stageDependencies.install, "install");
        relativeList(raws.beforeSetup, git.stageDependencies.beforeSetup, "beforeSetup");
        relativeList(raws.setup, git.stageDependencies.setup, "setup");
        git.effectiveExcludePaths = git.excludePaths.value;
        if (!git.remote) {
            if (git.branch.present || git.tag.present || git.commit.present) {
                const StringValue &first = git.branch.present ? git.branch
                                           : git.tag.present  ? git.tag
                                                              : git.commit;
                error(QStringLiteral(
                              "specify `branch: BRANCH`, `tag: TAG` and `commit: COMMIT` only "
                              "for remote git!"),
                      first.keySpan.start);
            }
        } else {
            const bool hasBranch = !git.branch.value.isEmpty();
            const bool hasTag = !git.tag.value.isEmpty();
            const bool hasCommit = !git.commit.value.isEmpty();
            const bool isBranch = hasBranch || (!hasTag && !hasCommit);
            // werf 1.2 replaced the admission key by giterminism rules.
            const bool needsAdmission = m_rules == WerfVersion::V1_1
                                        || m_rules == WerfVersion::Auto;
            if (needsAdmission && isBranch
                && !git.herebyIAdmitThatBranchMightBreakReproducibility.value) {
                error(QStringLiteral(
                              "Pay attention, werf uses git repository history to calculate stages "
                              "signatures. Thus, the usage of remote git mapping with branch (by "
                              "default, it is master branch) might break the reproducibility of "
                              "previous builds. New commits in the branch will make previously "
                              "built "
                              "stages not usable.\n\n* Previous pipeline jobs (e.g. deploy) might "
                              "not "
                              "be retried without the image rebuild after git remote branch is "
                              "modified.\n* If git remote branch is modified unexpectedly it might "
                              "lead to the inexplicably failed pipeline. For instance, the "
                              "modification occurs after successful build and the following "
                              "pipeline "
                              "jobs will be failed due to changing of stages signatures alongside "
                              "the "
                              "branch HEAD.\n\nIf you want to use the branch for remote git "
                              "mapping "
                              "instead of commit or tag, add "
                              "'herebyIAdmitThatBranchMightBreakReproducibility: true' into the "
                              "remote "
                              "git mapping section.\n\nWe do not recommend using the remote git "
                              "mapping such way. Use a particular unchangeable reference, tag, or "
                              "commit to provide controllable and predictable lifecycle of "
                              "software."),
                      git.span.start);
            } else if (int(hasBranch) + int(hasTag) + int(hasCommit) > 1) {
                error(QStringLiteral(
                              "specify only `branch: BRANCH`, `tag: TAG` or `commit: COMMIT` "
                              "for remote git!"),
                      git.span.start);
            }
        }
    }

    // shell
    {
        StringListValue *targets[4] = {&base.shell.beforeInstall,
                                       &base.shell.install,
                                       &base.shell.beforeSetup,
                                       &base.shell.setup};
        for (int k = 0; k < 4; ++k)
            convertStringList(shellRaws[k], *targets[k]);
    }

    // mounts
    for (MountConfig &mount : base.mounts) {
        if (mount.to.present)
            mount.to.value = cleanPath(mount.to.value);
        if (!mount.to.present || !mount.to.value.startsWith(u'/')) {
            error(QStringLiteral("`to: PATH` absolute path required for mount!"),
                  mount.to.present ? mount.to.valueSpan.start : mount.span.start);
            continue;
        }
        if (mount.from.present && mount.fromPath.present) {
            error(QStringLiteral(
                          "cannot use `from: %1` and `fromPath: %2` at the same time for mount!")
                          .arg(mount.from.value, mount.fromPath.value),
                  mount.from.keySpan.start);
        } else if (mount.fromPath.present) {
            if (mount.fromPath.value.isEmpty())
                error(QStringLiteral(
                              "`fromPath: PATH` absolute or relative path required for mount!"),
                      mount.fromPath.valueSpan.start);
        } else if (mount.from.present) {
            if (mount.from.value != QStringLiteral("tmp_dir")
                && mount.from.value != QStringLiteral("build_dir"))
                error(QStringLiteral(
                              "invalid `from: %1` for mount: expected `tmp_dir` or `build_dir`!")
                              .arg(mount.from.value),
                      mount.from.valueSpan.start);
        } else {
            error(QStringLiteral("`fromPath: PATH` absolute or relative path required for mount!"),
                  mount.span.start);
        }
    }

    // imports
    for (int ii = 0; ii < base.imports.size(); ++ii) {
        ImportConfig &imp = base.imports[ii];
        const qint64 at = imp.span.start;
        if (!imp.to.present && imp.add.present) {
            imp.to.value = imp.add.value;
        }
        if (imp.add.present)
            imp.add.value = cleanPath(imp.add.value);
        if (!imp.to.value.isEmpty())
            imp.to.value = cleanPath(imp.to.value);
        relativeList(importRaws[size_t(ii)].first, imp.includePaths, "includePaths");
        relativeList(importRaws[size_t(ii)].second, imp.excludePaths, "excludePaths");
        imp.effectiveExcludePaths = imp.excludePaths.value;
        if (!imp.add.present || !imp.add.value.startsWith(u'/'))
            error(QStringLiteral("`add: PATH` absolute path required for import!"),
                  imp.add.present ? imp.add.valueSpan.start : at);
        if (!imp.to.value.startsWith(u'/'))
            error(QStringLiteral("`to: PATH` absolute path required for import!"),
                  imp.to.present ? imp.to.valueSpan.start : at);
        const bool hasImage = !imp.image.value.isEmpty();
        const bool hasArtifact = !imp.artifact.value.isEmpty();
        if (!hasImage && !hasArtifact)
            error(QStringLiteral(
                          "artifact name `artifact: NAME` or image name `image: NAME` required "
                          "for import!"),
                  at);
        else if (hasImage && hasArtifact)
            error(QStringLiteral(
                          "specify only one artifact name using `artifact: NAME` or image name "
                          "using `image: NAME` for import!"),
                  at);
        const bool hasBefore = !imp.before.value.isEmpty();
        const bool hasAfter = !imp.after.value.isEmpty();
        if (hasBefore && hasAfter) {
            error(QStringLiteral("specify only one artifact stage using `before: install|setup` or "
                                 "`after: install|setup` for import!"),
                  at);
        } else if (!hasBefore && !hasAfter) {
            error(QStringLiteral("artifact stage is not specified with `before: install|setup` or "
                                 "`after: install|setup` for import!"),
                  at);
        } else {
            const StringValue &s = hasBefore ? imp.before : imp.after;
            if (s.value != QStringLiteral("install") && s.value != QStringLiteral("setup"))
                error(QStringLiteral(
                              "invalid artifact stage `%1: %2` for import: expected install or "
                              "setup!")
                              .arg(hasBefore ? QStringLiteral("before") : QStringLiteral("after"),
                                   s.value),
                      s.valueSpan.start);
        }
        if (imp.stage.present && !imp.stage.value.isEmpty()) {
            static const QStringList stages{QStringLiteral("beforeInstall"),
                                            QStringLiteral("install"),
                                            QStringLiteral("beforeSetup"),
                                            QStringLiteral("setup")};
            if (!stages.contains(imp.stage.value))
                error(QStringLiteral(
                              "invalid stage `stage: %1` for import: expected beforeInstall, "
                              "install, beforeSetup or setup")
                              .arg(imp.stage.value),
                      imp.stage.valueSpan.start);
        }
    }

    // StapelImageBase.validate()
    const qint64 docStart = root.start;
    if (base.fromLatest.value && !base.herebyIAdmitThatFromLatestMightBreakReproducibility.value
        && (m_rules == WerfVersion::V1_1 || m_rules == WerfVersion::Auto)) {
        error(QStringLiteral(
                      "Pay attention, werf uses actual base image digest in stage signature if "
                      "'fromLatest' is specified. Thus, the usage of this directive might break "
                      "the "
                      "reproducibility of previous builds. If the base image is changed in the "
                      "registry, all previously built stages become not usable.\n\n* Previous "
                      "pipeline jobs (e.g. deploy) cannot be retried without the image rebuild "
                      "after "
                      "changing base image in the registry.\n* If base image is modified "
                      "unexpectedly it might lead to the inexplicably failed pipeline. For "
                      "instance, "
                      "the modification occurs after successful build and the following jobs will "
                      "be "
                      "failed due to changing of stages signatures alongside base image "
                      "digest.\n\nIf "
                      "you still want to use this directive, add "
                      "'herebyIAdmitThatFromLatestMightBreakReproducibility: true' alongside "
                      "'fromLatest'.\n\nWe do not recommend using the actual base image such way. "
                      "Use "
                      "a particular unchangeable tag or periodically change 'fromCacheVersion' "
                      "value "
                      "to provide controllable and predictable lifecycle of software"),
              base.fromLatest.keySpan.start);
    }
    const bool hasFrom = !base.from.value.isEmpty();
    const bool hasFromImage = !base.fromImage.value.isEmpty();
    const bool hasFromArtifact = !base.fromImageArtifact.value.isEmpty()
                                 || !base.fromArtifact.value.isEmpty();
    if (!hasFrom && !hasFromImage && !hasFromArtifact) {
        error(QStringLiteral("`from: DOCKER_IMAGE`, `fromImage: IMAGE_NAME`, `fromImageArtifact: "
                             "IMAGE_ARTIFACT_NAME` required!"),
              docStart);
    }
    {
        QSet<QString> tos;
        for (const MountConfig &mount : base.mounts) {
            if (tos.contains(mount.to.value)) {
                error(QStringLiteral("conflict between mounts!"), mount.span.start);
                break;
            }
            tos.insert(mount.to.value);
        }
    }
    if (int(hasFrom) + int(hasFromImage) + int(hasFromArtifact) > 1) {
        const StringValue &second = hasFromImage && hasFrom ? base.fromImage
                                    : !base.fromImageArtifact.value.isEmpty()
                                            ? base.fromImageArtifact
                                            : base.fromArtifact;
        error(QStringLiteral(
                      "conflict between `from`, `fromImage` and `fromImageArtifact` directives!"),
              second.keySpan.start);
    }
    if (!base.fromImageArtifact.value.isEmpty()) {
        warning(QStringLiteral(
                        "WARNING: Do not use artifacts as a base for other images and artifacts. "
                        "The "
                        "feature is deprecated, and the directive 'fromImageArtifact' will be "
                        "completely removed in version v1.3.\n\nCareless use of artifacts may lead "
                        "to "
                        "difficult to trace issues that may arise long after the configuration has "
                        "been written. The artifact image is cached after the first build and "
                        "ignores "
                        "any changes in the project git repository unless the user has explicitly "
                        "specified stage dependencies. As found, this behavior is completely "
                        "unexpected for users despite the fact that it is absolutely correct in "
                        "the "
                        "werf logic."),
                base.fromImageArtifact.keySpan.start);
    }
    if (base.shell.present && base.ansible.present)
        error(QStringLiteral("can not use shell and ansible builders at the same time!"), docStart);

    // docker, platform
    for (const auto &[raw, target] : dockerLists)
        convertStringList(raw, *target);
    convertStringList(platformRaw, base.platform);
    if (isArtifact && base.docker.present)
        error(QStringLiteral("`docker` section is not supported for artifact!"),
              base.docker.span.start);

    auto addImage = [this](StapelImage image) {
        if (image.asLayers.value && m_rules != WerfVersion::V1_2 && m_rules != WerfVersion::V2)
            m_config.images << expandAsLayers(image);
        else
            m_config.images << image;
    };
    if (isArtifact) {
        base.name = artifactName.value;
        base.nameSpan = artifactName.valueSpan;
        addImage(base);
    } else {
        for (int i = 0; i < names.size(); ++i) {
            StapelImage image = base;
            image.name = names.at(i);
            image.nameSpan = nameSpans.at(i);
            addImage(image);
        }
    }
    m_current = &m_phase1;
}

QList<StapelImage> Decoder::expandAsLayers(const StapelImage &image)
{
    // werf 1.1 toImageAsLayersDirective (reference §1.13): one image per command or task, one for
    // all git mappings, one per import group, and the image itself last; each is built
    // from the previous one, and mounts go to every layer.
    QList<StapelImage> layers;
    auto layer = [&](const QString &suffix) {
        StapelImage l;
        l.name = image.name.isEmpty() ? suffix : image.name + u'-' + suffix;
        l.artifact = image.artifact;
        l.document = image.document;
        l.documentSpan = image.documentSpan;
        l.nameSpan = image.nameSpan;
        l.mounts = image.mounts;
        l.asLayers = image.asLayers;
        return l;
    };
    const std::pair<const char *, int> stages[] = {{"beforeinstall", 0},
                                                   {"install", 1},
                                                   {"beforesetup", 2},
                                                   {"setup", 3}};
    auto commandLayers = [&](int stage) {
        StringListValue ShellConfig::*shellLists[] = {&ShellConfig::beforeInstall,
                                                      &ShellConfig::install,
                                                      &ShellConfig::beforeSetup,
                                                      &ShellConfig::setup};
        AnsibleTaskList AnsibleConfig::*ansibleLists[] = {&AnsibleConfig::beforeInstall,
                                                          &AnsibleConfig::install,
                                                          &AnsibleConfig::beforeSetup,
                                                          &AnsibleConfig::setup};
        const QString prefix = QString::fromLatin1(stages[stage].first);
        if (image.shell.present) {
            const StringListValue &cmds = image.shell.*shellLists[stage];
            for (int i = 0; i < cmds.value.size(); ++i) {
                StapelImage l = layer(prefix + u'-' + QString::number(i));
                l.shell.present = true;
                l.shell.span = image.shell.span;
                StringListValue &one = l.shell.*shellLists[stage];
                one = cmds;
                one.value = QStringList{cmds.value.at(i)};
                one.itemSpans = QList<Span>{cmds.itemSpans.value(i)};
                layers << l;
            }
        } else if (image.ansible.present) {
            const AnsibleTaskList &tasks = image.ansible.*ansibleLists[stage];
            for (int i = 0; i < tasks.tasks.size(); ++i) {
                StapelImage l = layer(prefix + u'-' + QString::number(i));
                l.ansible.present = true;
                l.ansible.span = image.ansible.span;
                AnsibleTaskList &one = l.ansible.*ansibleLists[stage];
                one = tasks;
                one.tasks = QList<AnsibleTask>{tasks.tasks.at(i)};
                layers << l;
            }
        }
    };
    auto importLayer = [&](const QString &before, const QString &after, const QString &suffix) {
        QList<ImportConfig> group;
        for (const ImportConfig &imp : image.imports) {
            if ((!before.isEmpty() && imp.before.value == before)
                || (before.isEmpty() && imp.after.value == after))
                group << imp;
        }
        if (group.isEmpty())
            return;
        StapelImage l = layer(suffix);
        l.imports = group;
        layers << l;
    };
    commandLayers(0);
    if (!image.git.isEmpty()) {
        StapelImage l = layer(QStringLiteral("git"));
        l.git = image.git;
        layers << l;
    }
    importLayer(QStringLiteral("install"), {}, QStringLiteral("before-install-artifacts"));
    commandLayers(1);
    importLayer({}, QStringLiteral("install"), QStringLiteral("after-install-artifacts"));
    commandLayers(2);
    importLayer(QStringLiteral("setup"), {}, QStringLiteral("before-setup-artifacts"));
    commandLayers(3);
    StapelImage top = layer(QString());
    top.name = image.name;
    for (const ImportConfig &imp : image.imports) {
        if (imp.after.value == QStringLiteral("setup"))
            top.imports << imp;
    }
    if (!image.artifact)
        top.docker = image.docker;
    layers << top;
    for (int i = 0; i < layers.size(); ++i) {
        StapelImage &l = layers[i];
        if (i == 0) {
            l.from = image.from;
            l.fromImage = image.fromImage;
            l.fromImageArtifact = image.fromImageArtifact;
            l.fromLatest = image.fromLatest;
            l.herebyIAdmitThatFromLatestMightBreakReproducibility
                    = image.herebyIAdmitThatFromLatestMightBreakReproducibility;
            l.fromCacheVersion = image.fromCacheVersion;
        } else {
            StringValue &ref = l.artifact ? l.fromImageArtifact : l.fromImage;
            ref.value = layers.at(i - 1).name;
            ref.present = true;
            ref.keySpan = image.asLayers.keySpan;
            ref.valueSpan = image.asLayers.valueSpan;
        }
    }
    return layers;
}

void Decoder::decodeDockerfile(const YamlNode &root, int document, const Span &docSpan)
{
    Fields f(*this, root);
    DockerfileImage base;
    base.document = document;
    base.documentSpan = docSpan;
    const YamlMapEntry *imageEntry = f.take(QStringLiteral("image"));
    std::vector<std::pair<const YamlNode *, StringListValue *>> lists;
    auto list = [&](const YamlMapEntry *e, StringListValue &target) {
        const YamlNode *raw = nullptr;
        readStringList(e, target, &raw);
        lists.emplace_back(raw, &target);
    };
    readString(f.take(QStringLiteral("dockerfile")), base.dockerfile);
    readString(f.take(QStringLiteral("context")), base.context);
    readString(f.take(QStringLiteral("target")), base.target);
    if (const YamlMapEntry *a = f.take(QStringLiteral("args"))) {
        // map[string]interface{}: values are formatted to strings
        base.args.present = true;
        base.args.keySpan = span(a->key);
        base.args.valueSpan = span(a->value);
        if (expectMap(a, QStringLiteral("map[string]interface {}"))) {
            for (const YamlMapEntry &me : resolveAlias(a->value).entries) {
                KeyValue kv;
                kv.key.present = true;
                kv.key.value = me.key.value;
                kv.key.valueSpan = span(me.key);
                kv.value.present = true;
                kv.value.valueSpan = span(me.value);
                kv.value.value = goFormat(me.value);
                base.args.entries << kv;
            }
        }
    }
    list(f.take(QStringLiteral("addHost")), base.addHost);
    readString(f.take(QStringLiteral("network")), base.network);
    readString(f.take(QStringLiteral("ssh")), base.ssh);
    list(f.take(QStringLiteral("contextAddFiles"), WerfVersion::V1_2), base.contextAddFiles);
    if (!base.contextAddFiles.present)
        list(f.take(QStringLiteral("contextAddFile"), WerfVersion::V1_2), base.contextAddFiles);
    readBool(f.take(QStringLiteral("final"), WerfVersion::V1_2), base.final_);
    readBool(f.take(QStringLiteral("staged"), WerfVersion::V2), base.staged);
    list(f.take(QStringLiteral("platform"), WerfVersion::V1_2), base.platform);
    readString(f.take(QStringLiteral("cacheVersion"), WerfVersion::V2), base.cacheVersion);
    decodeDependencies(f.take(QStringLiteral("dependencies"), WerfVersion::V1_2),
                       base.dependencies,
                       false);
    decodeSecrets(f.take(QStringLiteral("secrets"), WerfVersion::V2), base.secrets);
    decodeImageSpec(f.take(QStringLiteral("imageSpec"), WerfVersion::V2), base.imageSpec);

    QStringList names;
    QList<Span> nameSpans;
    bool namesOk = true;
    if (imageEntry)
        namesOk = imageNames(imageEntry, names, nameSpans);
    // werf validates the image names before it looks for unknown fields.
    if (!namesOk || !f.checkUnknown())
        return;
    m_current = &m_phase2;
    for (const auto &[raw, target] : lists)
        convertStringList(raw, *target);
    m_current = &m_phase1;
    for (int i = 0; i < names.size(); ++i) {
        DockerfileImage image = base;
        image.name = names.at(i);
        image.nameSpan = nameSpans.at(i);
        m_config.dockerfileImages << image;
    }
}

DocumentDecode Decoder::decodeDocument(const DocumentRange &r, int index, bool metaSeen)
{
    // One document at a time, with nothing of the others but "a meta document came before":
    // that is all werf's per-document decoding depends on, so the results can be kept per
    // document and reused by the incremental reload.
    m_config = WerfConfig();
    m_config.meta.present = metaSeen;
    m_phase1.clear();
    m_phase2.clear();
    m_features.clear();
    m_current = &m_phase1;
    DocumentDecode out;
    out.metaSeen = metaSeen;
    ConfigDocument &doc = out.document;
    doc.span = span(r.start, r.end);
    doc.lineOffset = r.lineOffset;
    const YamlParseResult parsed = parseYamlDocument(m_text, r.start, r.end, r.lineOffset + 1);
    if (!parsed.ok) {
        m_phase1.append(Diagnostic::error(parsed.error, location(parsed.errorOffset)));
    } else if (const YamlNode &root = resolveAlias(parsed.root); !root.isMap() && !root.isNull()) {
        // A null document decodes to an empty map in yaml.v2: it is then unrecognised.
        // werf decodes each document into map[string]interface{} first.
        m_phase1.append(
                Diagnostic::error(QStringLiteral("yaml: unmarshal errors:\n  line %1: %2")
                                          .arg(parsed.root.line)
                                          .arg(unmarshalError(root,
                                                              QStringLiteral(
                                                                      "map[string]interface {}"))),
                                  location(parsed.root.start)));
    } else {
        auto has = [&](const char *key) { return root.entry(QString::fromLatin1(key)) != nullptr; };
        if (has("configVersion")) {
            doc.kind = ConfigDocument::Kind::Meta;
            decodeMeta(root, index, doc.span);
        } else if (has("dockerfile")) {
            doc.kind = ConfigDocument::Kind::Dockerfile;
            decodeDockerfile(root, index, doc.span);
        } else if (has("image") || has("artifact")) {
            doc.kind = ConfigDocument::Kind::Stapel;
            decodeStapel(root, index, doc.span);
        } else {
            m_phase1.append(Diagnostic::error(
                    QStringLiteral("cannot recognize type of config section (part of YAML stream "
                                   "separated by three hyphens, "
                                   "https://yaml.org/spec/1.2/spec.html#id2800132):\n * "
                                   "'configVersion' required for meta config section;\n * 'image' "
                                   "required for the image config sections;\n * 'artifact' "
                                   "required for the artifact config sections;"),
                    location(root.start)));
        }
    }
    out.hasMeta = doc.kind == ConfigDocument::Kind::Meta && !metaSeen;
    if (out.hasMeta)
        out.meta = std::move(m_config.meta);
    out.images = std::move(m_config.images);
    out.dockerfileImages = std::move(m_config.dockerfileImages);
    out.phase1 = std::move(m_phase1);
    out.phase2 = std::move(m_phase2);
    out.features = std::move(m_features);
    m_config = WerfConfig();
    m_phase1.clear();
    m_phase2.clear();
    m_features.clear();
    return out;
}

} // namespace

struct DocumentDecoder::Private
{
    Decoder decoder;
};

DocumentDecoder::DocumentDecoder(const QByteArray &rendered, const SourceMap &map, WerfVersion rules)
    : d(new Private{Decoder(rendered, map, rules, QString())})
{}

DocumentDecoder::~DocumentDecoder() = default;

DocumentDecode DocumentDecoder::decode(const DocumentRange &range, int index, bool metaSeen)
{
    return d->decoder.decodeDocument(range, index, metaSeen);
}

SourceLocation DocumentDecoder::location(qint64 offset)
{
    return d->decoder.location(offset);
}

DecodeResult assembleDecode(const QList<DocumentDecode> &documents,
                            WerfVersion rules,
                            const QString &defaultProjectName,
                            const SourceLocation &textStart)
{
    DecodeResult result;
    WerfConfig &config = result.config;
    Diagnostics phase2;
    for (const DocumentDecode &d : documents) {
        config.documents << d.document;
        if (d.hasMeta)
            config.meta = d.meta;
        config.images << d.images;
        config.dockerfileImages << d.dockerfileImages;
        result.diagnostics << d.phase1;
        phase2 << d.phase2;
        result.features << d.features;
    }
    if (!config.meta.present && !hasErrors(result.diagnostics)) {
        result.diagnostics.append(Diagnostic::error(
                QStringLiteral(
                        "meta config section (part of YAML stream separated by three hyphens, "
                        "https://yaml.org/spec/1.2/spec.html#id2800132) is not defined: add "
                        "following example config section with required fields, e.g:\n\n```\n"
                        "configVersion: 1\nproject: %1\n---\n```\n\n"
                        "##################################################################"
                        "############################################################\n"
                        "###           WARNING! Project name cannot be changed later without "
                        "rebuilding and redeploying your application!           ###\n"
                        "###       Project name should be unique within group of projects that "
                        "shares build hosts and deployed into the same        ###\n"
                        "###                    Kubernetes clusters (i.e. unique across all "
                        "groups within the same gitlab).                         ###\n"
                        "##################################################################"
                        "############################################################")
                        .arg(defaultProjectName),
                textStart));
    }
    result.diagnostics << phase2;
    config.version = rules == WerfVersion::Auto ? WerfVersion::V1_1 : rules;
    return result;
}

QList<DocumentDecode> decodeDocuments(const QByteArray &rendered,
                                      const SourceMap &map,
                                      WerfVersion rules,
                                      const QList<DocumentRange> &ranges)
{
    QList<DocumentDecode> out;
    out.reserve(ranges.size());
    DocumentDecoder decoder(rendered, map, rules);
    bool metaSeen = false;
    for (int i = 0; i < ranges.size(); ++i) {
        out.append(decoder.decode(ranges.at(i), i, metaSeen));
        metaSeen = metaSeen || out.last().document.kind == ConfigDocument::Kind::Meta;
    }
    return out;
}

QList<DocumentRange> splitDocuments(const QByteArray &text)
{
    QList<DocumentRange> docs;
    qint64 docStart = 0;
    int docLine = 0;
    int line = 0;
    qint64 i = 0;
    const qint64 n = text.size();
    auto addDocument = [&](qint64 end) {
        if (!isEmptyDocument(text, docStart, end))
            docs.append({docStart, end, docLine});
    };
    while (i <= n) {
        qint64 le = i;
        while (le < n && text.at(le) != '\n')
            ++le;
        if (isSeparatorLine(text.constData() + i, le - i)) {
            addDocument(i);
            docStart = std::min(le + 1, n);
            docLine = line + 1;
        }
        ++line;
        if (le >= n)
            break;
        i = le + 1;
    }
    addDocument(n);
    return docs;
}

QString cleanPath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    const bool rooted = path.startsWith(u'/');
    QStringList out;
    const QStringList parts = path.split(u'/');
    for (const QString &p : parts) {
        if (p.isEmpty() || p == QStringLiteral("."))
            continue;
        if (p == QStringLiteral("..")) {
            if (!out.isEmpty() && out.last() != QStringLiteral(".."))
                out.removeLast();
            else if (!rooted)
                out << p;
            continue;
        }
        out << p;
    }
    QString result = (rooted ? QStringLiteral("/") : QString()) + out.join(u'/');
    if (result.isEmpty())
        return QStringLiteral(".");
    return result;
}

DecodeResult decodeWerfConfig(const QByteArray &rendered,
                              const SourceMap &map,
                              WerfVersion rules,
                              const QString &defaultProjectName)
{
    const QList<DocumentRange> ranges = splitDocuments(rendered);
    if (ranges.size() > maxConfigDocuments) {
        DocumentDecoder decoder(rendered, map, rules);
        DecodeResult result;
        result.diagnostics.append(Diagnostic::error(
                Tr::tr("the config has %1 documents; more than %2 are not supported")
                        .arg(ranges.size())
                        .arg(maxConfigDocuments),
                decoder.location(ranges.at(maxConfigDocuments).start)));
        return result;
    }
    DocumentDecoder decoder(rendered, map, rules);
    return assembleDecode(decodeDocuments(rendered, map, rules, ranges),
                          rules,
                          defaultProjectName,
                          decoder.location(0));
}

} // namespace Stagecraft::Model

namespace Stagecraft::Model {

QString defaultProjectName(const QString &projectDir)
{
    // werf slugs the name (lower case, [a-z0-9-]); the git remote's path is not consulted here.
    const QString base = QFileInfo(projectDir).fileName().toLower();
    QString slug;
    for (const QChar c : base) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (ok)
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("project") : slug;
}

} // namespace Stagecraft::Model
