// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stagecraft::Model::Dockerfile {

/** One instruction as BuildKit's parser and instructions package (werf 1.1's copy) see it. */
struct Instruction
{
    QString command;   ///< lower case: "run", "copy", "arg", ...
    QString original;  ///< the logical line, continuations joined, trimmed: what werf hashes
    QStringList args;  ///< arguments (JSON arrays decoded, builder flags removed)
    QStringList flags; ///< builder flags as written without "--" ("from=builder", "chown=1:1")
    int line = 0;      ///< 1-based first line

    /** ARG: the name; ENV: unused (see pairs). */
    QString key;
    /** ARG: the value after '=' (empty when hasValue is false). */
    QString value;
    bool hasValue = false;
    /** ENV and LABEL: key/value pairs in order, values as written (quotes kept). */
    QList<QPair<QString, QString>> pairs;
    /** COPY --from, as written. */
    QString from;
    /** ONBUILD: the trigger instruction's text (the original without "ONBUILD "). */
    QString expression;

    /** COPY/ADD sources: every argument but the last. */
    QStringList sources() const { return args.mid(0, args.size() - 1); }
};

/** A build stage: `FROM base [AS name]` and its instructions. */
struct Stage
{
    QString baseName; ///< as written (ARGs not expanded)
    QString name;     ///< `AS` name in lower case, "" without one
    int line = 0;
    QList<Instruction> commands;
};

/** A parsed Dockerfile, or the error werf would stop with. */
struct Parsed
{
    QList<Instruction> metaArgs; ///< ARGs before the first FROM
    QList<Stage> stages;
    char32_t escapeToken = U'\\';
    QString error; ///< empty on success
    int errorLine = 0;

    bool ok() const { return error.isEmpty(); }
};

/**
 * Parses a Dockerfile as werf 1.1 does (BuildKit parser.Parse, then instructions.Parse): parser
 * directives (`# escape=`), comments, line continuations, JSON and shell forms, builder flags,
 * ENV/LABEL pairs, ARG, ONBUILD, FROM ... AS. Errors carry BuildKit's messages.
 */
Parsed parse(const QByteArray &text);

/**
 * One instruction on its own (an ONBUILD trigger), as werf parses it: parser.Parse with the
 * default escape token, then instructions.ParseInstruction. nullopt with the error otherwise.
 */
std::optional<Instruction> parseLine(const QString &line, QString *error);

} // namespace Stagecraft::Model::Dockerfile
