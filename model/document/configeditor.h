// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/diagnostic.h"
#include "config/configloader.h"
#include "document/textedit.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Stagecraft::Model {

/** The document an edit acts on: an image or artifact by name (`~` = nameless), or the meta. */
struct EditTarget
{
    bool meta = false;
    QString name;

    static EditTarget image(const QString &name) { return {false, name}; }
    static EditTarget metaDocument() { return {true, {}}; }
};

/** What an edit request turned into: the source edits, or why it was refused. */
struct EditResult
{
    TextEdits edits;
    /** Set when the edit was refused; `location` points at the node (or action) in question. */
    std::optional<Diagnostic> error;

    bool ok() const { return !error.has_value(); }
    static EditResult failure(const QString &message, const SourceLocation &location);
};

/** A new `import:` item. */
struct ImportSpec
{
    QString image;    ///< source image (or empty)
    QString artifact; ///< source artifact (or empty)
    QString add;
    QString to;     ///< empty: left out (werf uses `add`)
    QString before; ///< install | setup
    QString after;  ///< install | setup
    QString stage;  ///< 1.2+ alternative to before/after; empty: left out
};

/**
 * Turns edit requests on a loaded project into minimal edits of its source text.
 *
 * Requests name a document (EditTarget) and a dotted directive path: `from`, `shell.install`,
 * `shell.install[2]` (one past the last item appends an item),
 * `docker.ENV.TZ`, `import[0].to`, `git[1].stageDependencies.install` (a key holding dots can be
 * quoted: `docker.LABEL."org.opencontainers.image.title"`). Values are YAML flow values exactly as
 * they are to appear in the file (`alpine:3.18`, `"a b"`, `[a, b]`, `{TZ: UTC}`).
 *
 * Only the edited span changes. A replaced scalar keeps its quoting style when the new value is
 * given plain; new keys and list items follow the file's own indentation width, list indentation
 * style and line endings; a removed key takes its lines (and its trailing comment) with it.
 * A replaced node keeps its anchor (`&a`), so its aliases follow the new value; setting a key
 * whose value is an alias (`*a`) gives it a value of its own, while an edit inside an alias is
 * refused with a message naming both places (it would change every use of the anchor).
 *
 * The edits are computed on the rendered text and mapped to the source through the source map:
 * in a templated file a literal copied once from werf.yaml is editable, while anything produced
 * by a template action, or copied inside a range/include/define, is refused with a message that
 * names the construct and its location.
 */
class ConfigEditor
{
public:
    explicit ConfigEditor(const LoadedProject &project);
    ~ConfigEditor();
    ConfigEditor(const ConfigEditor &) = delete;
    ConfigEditor &operator=(const ConfigEditor &) = delete;

    /** Sets the directive at path to a YAML flow value, creating missing keys. */
    EditResult setValue(const EditTarget &target, const QString &path, const QString &value) const;
    /** Removes the directive at path (a key, or a list item such as `import[1]`). */
    EditResult unset(const EditTarget &target, const QString &path) const;

    /** Appends a new image (or artifact) document with `from: base` (when base is not empty). */
    EditResult addImage(const QString &name, bool artifact, const QString &base = {}) const;
    /** Removes the whole document of an image, with its `---` separator. */
    EditResult removeImage(const EditTarget &target) const;
    /**
     * Renames an image and every literal reference to it (fromImage, fromImageArtifact,
     * import image/artifact, dependencies image).
     */
    EditResult renameImage(const EditTarget &target, const QString &newName) const;
    /** Copies the document of an image right after it under a new name. */
    EditResult duplicateImage(const EditTarget &target, const QString &newName) const;
    /**
     * Newer syntax only (werf 1.2+): `artifact: x` becomes `image: x` + `final: false`
     * (intermediate = true keeps that form; false turns `final: false` back into `artifact:`).
     * With intermediate = false on an artifact, or true on an image, converts the other way.
     */
    EditResult setArtifactStyle(const EditTarget &target, bool finalFalse) const;
    /**
     * Makes `key` (from, fromImage, fromImageArtifact or fromArtifact) the base of an image:
     * the base directive already written is turned into it in place (its line and comment
     * stay), other base directives are removed; fromLatest and its admission go unless key is
     * `from`.
     */
    EditResult setBaseImage(const EditTarget &target, const QString &key, const QString &name) const;
    /** `fromLatest: true` with werf's admission key, or removes both. */
    EditResult setFromLatest(const EditTarget &target, bool enabled) const;
    /** Appends an `import:` item (creating the list). */
    EditResult addImport(const EditTarget &target, const ImportSpec &spec) const;
    /** Renames the last key of path (`import[0].before` → `after`); value and comment stay. */
    EditResult renameKey(const EditTarget &target, const QString &path, const QString &key) const;
    /**
     * Moves the list item at path[from] to index `to` (the items between shift by one), by
     * exchanging the items' texts in place.
     */
    EditResult moveItem(const EditTarget &target, const QString &path, int from, int to) const;
    /**
     * Why the rendered range [start, end) cannot be edited (it is produced or copied by a
     * template construct, or comes from another file), or nothing when it is literal text of
     * the config file. Lets the GUI show a value as read-only before the user tries.
     */
    std::optional<Diagnostic> readOnlyReason(qint64 renderedStart, qint64 renderedEnd) const;
    /** Removes `import[index]`. */
    EditResult removeImport(const EditTarget &target, int index) const;

    /**
     * A string as a YAML flow scalar: plain when that reads back as the same string, else quoted
     * (double quotes unless `preferSingle`).
     */
    static QString quoteScalar(const QString &value, bool preferSingle = false);

    /** The file's detected style (exposed for tests and for the GUI's new items). */
    int indentWidth() const;
    /** Extra indentation of block list items under their key: 0 (`key:\n- a`) or indentWidth. */
    int listIndent() const;
    QByteArray lineEnding() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Stagecraft::Model
