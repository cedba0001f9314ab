// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "function.h"
#include "value.h"

#include <QByteArray>
#include <QByteArrayList>

/**
 * Helpers that reproduce the Go behaviour Sprig's functions rely on: reflection on lists and
 * maps, Sprig's own conversions (strval, toInt64, toFloat64, empty), reflect.DeepEqual,
 * encoding/json, and Go's runtime panic texts (which text/template turns into errors).
 */
namespace Stagecraft::Model::Template::Sprig {

/** A Go panic or error inside a Sprig function; text/template reports `error calling NAME: MSG`. */
[[noreturn]] void fail(const QByteArray &message);

/** Go's nil-interface dereference panic (reflect.TypeOf(nil).Kind()). */
[[noreturn]] void nilDereference();

/** Sprig's strval: strings as they are, Stringers via String(), everything else as fmt %v. */
QByteArray strval(const Value &v);

/** Sprig v2's toInt64 (strings by strconv.ParseInt base 10, floats truncated, bools 0/1). */
qint64 toInt64(const Value &v);

/** Sprig v2's toFloat64. */
double toFloat64(const Value &v);

/** Sprig's empty(): nil, zero numbers, false, and empty strings, lists and maps. */
bool isEmpty(const Value &v);

/** reflect.DeepEqual on template values (types must match exactly). */
bool deepEqual(const Value &a, const Value &b);

/** reflect.Kind's String() of the dynamic value: "string", "int64", "slice", "map", "ptr", ... */
QByteArray goKind(const Value &v);

/** True for a Go slice (a List, or a typed nil whose type is a slice). */
bool isSlice(const Value &v);

/** The elements of a slice; empty for a nil slice. The caller checks isSlice(). */
List sliceElements(const Value &v);

/** The entries of a map parameter; empty for a nil map. */
Map mapEntries(const Value &v);

/** A []string Value. */
Value stringList(const QByteArrayList &items);

/** Sprig's strslice (toStrings): []string from any slice, nil elements dropped. */
QByteArrayList strslice(const Value &v);

/**
 * Go's s[from:to] on a string, panicking with Go's runtime messages
 * (`slice bounds out of range [:5] with length 3`). hasFrom/hasTo say which bounds the Go
 * expression writes (s[:to], s[from:]), which changes the message Go prints.
 */
QByteArray sliceString(const QByteArray &s, qint64 from, qint64 to, bool hasFrom, bool hasTo);

/** Go's l[from:to] on a slice, with Go's panics (`with capacity N`). */
List sliceList(const List &l, qint64 from, qint64 to);

/** Implemented by objects that encoding/json marshals specially (time.Time, *semver.Version). */
class JsonMarshaler
{
public:
    virtual ~JsonMarshaler() = default;
    /** The complete JSON text of the value. */
    virtual QByteArray marshalJson() const = 0;
};

/** encoding/json Marshal (escapeHtml: the default HTML-safe escaping; indent: MarshalIndent). */
QByteArray jsonEncode(const Value &v, bool escapeHtml, const QByteArray &indent, QByteArray *error);

/** encoding/json Unmarshal into interface{}: objects map[string]interface {}, numbers float64. */
Value jsonDecode(const QByteArray &text, QByteArray *error);

/** strconv.ParseInt(s, base, 64); base 0 guesses from the prefix. False on any error. */
bool parseGoInt(const QByteArray &s, int base, qint64 *out, bool *rangeError = nullptr);

/** strconv.ParseFloat(s, 64). */
bool parseGoFloat(const QByteArray &s, double *out);

/**
 * encoding/base64 StdEncoding.DecodeString: the decoded bytes, and in *errorAt the input offset
 * Go's CorruptInputError reports (-1 when the input is valid).
 */
QByteArray base64Decode(const QByteArray &src, qsizetype *errorAt);

/**
 * bcrypt of password at the given cost with a 22-character bcrypt-base64 salt:
 * "$2a$CC$" + salt + hash, as golang.org/x/crypto/bcrypt writes it.
 */
QByteArray bcryptHash(const QByteArray &password, int cost, const QByteArray &encodedSalt);

/** A Function entry with Go parameter types; variadic is the element type or empty. */
Function makeFunction(const char *name,
                      QList<const char *> params,
                      const char *variadic,
                      std::function<Value(const QList<Value> &)> call,
                      bool returnsError = false,
                      bool nondeterministic = false);

void addStringFunctions(FunctionMap &map);
void addListFunctions(FunctionMap &map);
void addDictFunctions(FunctionMap &map);
void addMiscFunctions(FunctionMap &map);
void addRegexFunctions(FunctionMap &map);
void addDateFunctions(FunctionMap &map);
void addSemverFunctions(FunctionMap &map);
void addCryptoFunctions(FunctionMap &map);
void addCertificateFunctions(FunctionMap &map);
void addBcryptFunctions(FunctionMap &map);
void addUrlFunctions(FunctionMap &map);

} // namespace Stagecraft::Model::Template::Sprig
