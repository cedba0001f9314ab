// SPDX-License-Identifier: GPL-3.0-or-later
#include "hash.h"

#include <memory>
#include <openssl/evp.h>

namespace Stagecraft::Model::Hash {

namespace {

// OpenSSL 3 looks a digest's implementation up in its provider on every EVP_DigestInit_ex() when
// given EVP_sha256() and friends; a plan hashes tens of thousands of short strings, so the
// fetched implementations and one context per thread are kept (measured in
// tests/tst_planbenchmark.cpp).
struct Digests
{
    EVP_MD *sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    EVP_MD *sha3_224 = EVP_MD_fetch(nullptr, "SHA3-224", nullptr);
    EVP_MD *sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);

    Digests() = default;
    Digests(const Digests &) = delete;
    Digests &operator=(const Digests &) = delete;
    ~Digests()
    {
        EVP_MD_free(sha256);
        EVP_MD_free(sha3_224);
        EVP_MD_free(sha1);
    }
};

const Digests &digests()
{
    static const Digests d;
    return d;
}

// EVP rather than the deprecated one-shot SHA256(): it is the interface OpenSSL 3 keeps and the
// only one that offers SHA3-224 under the same call shape.
QString digestHex(const EVP_MD *md, QByteArrayView bytes)
{
    thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                             &EVP_MD_CTX_free);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int outLength = 0;
    if (!md || !ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1
        || EVP_DigestUpdate(ctx.get(), bytes.data(), size_t(bytes.size())) != 1
        || EVP_DigestFinal_ex(ctx.get(), out, &outLength) != 1) {
        // Only an OpenSSL built without these digests can get here; an empty string can never be
        // mistaken for a signature.
        return {};
    }
    static constexpr char hex[] = "0123456789abcdef";
    QString result(qsizetype(outLength) * 2, Qt::Uninitialized);
    QChar *p = result.data();
    for (unsigned int i = 0; i < outLength; ++i) {
        *p++ = QLatin1Char(hex[out[i] >> 4]);
        *p++ = QLatin1Char(hex[out[i] & 0xf]);
    }
    return result;
}

} // namespace

QByteArray joined(const QStringList &args)
{
    return args.join(QStringLiteral(":::")).toUtf8();
}

QString raw256(QByteArrayView bytes)
{
    return digestHex(digests().sha256, bytes);
}

QString h256(const QStringList &args)
{
    return digestHex(digests().sha256, joined(args));
}

QString h3(const QStringList &args)
{
    return digestHex(digests().sha3_224, joined(args));
}

QString emptySha256()
{
    static const QString e = raw256(QByteArrayView());
    return e;
}

QString sha1(QByteArrayView bytes)
{
    return digestHex(digests().sha1, bytes);
}

} // namespace Stagecraft::Model::Hash
