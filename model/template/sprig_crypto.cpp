// SPDX-License-Identifier: GPL-3.0-or-later
// Sprig's hash and crypto functions on OpenSSL EVP: sha1sum, sha256sum, adler32sum,
// derivePassword (Master Password: scrypt + HMAC-SHA256), genPrivateKey (v2's key types),
// and v3's encryptAES, decryptAES and randBytes.
#include "common/tr.h"
#include "sprigutil.h"

#include <QRandomGenerator>

#include <memory>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/dsa.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

namespace Stagecraft::Model::Template::Sprig {

namespace {

using Args = QList<Value>;

QByteArray digest(const EVP_MD *md, const QByteArray &input)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(input.constData(), size_t(input.size()), out, &len, md, nullptr);
    return QByteArray(reinterpret_cast<const char *>(out), int(len)).toHex();
}

quint32 adler32(const QByteArray &data)
{
    constexpr quint32 mod = 65521;
    quint32 a = 1;
    quint32 b = 0;
    for (const char c : data) {
        a = (a + static_cast<unsigned char>(c)) % mod;
        b = (b + a) % mod;
    }
    return (b << 16) | a;
}

void appendBigEndian32(QByteArray &out, quint32 v)
{
    out.append(char(v >> 24));
    out.append(char(v >> 16));
    out.append(char(v >> 8));
    out.append(char(v));
}

struct PasswordTemplates
{
    const char *type;
    QList<const char *> templates;
};

const QList<PasswordTemplates> &passwordTemplates()
{
    static const QList<PasswordTemplates> t = {
            {"maximum", {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"}},
            {"long", {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv",
                      "CvccCvcvnoCvcv", "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv",
                      "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno",
                      "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc",
                      "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
                      "CvccCvcvCvccno"}},
            {"medium", {"CvcnoCvc", "CvcCvcno"}},
            {"short", {"Cvcn"}},
            {"basic", {"aaanaaan", "aannaaan", "aaannaaa"}},
            {"pin", {"nnnn"}},
    };
    return t;
}

const char *templateCharacters(char c)
{
    switch (c) {
    case 'V':
        return "AEIOU";
    case 'C':
        return "BCDFGHJKLMNPQRSTVWXYZ";
    case 'v':
        return "aeiou";
    case 'c':
        return "bcdfghjklmnpqrstvwxyz";
    case 'A':
        return "AEIOUBCDFGHJKLMNPQRSTVWXYZ";
    case 'a':
        return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
    case 'n':
        return "0123456789";
    case 'o':
        return "@&%?,=[]_:-+*$#!'^~;()/.";
    case 'x':
        return "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()";
    default:
        return "";
    }
}

QByteArray derivePassword(quint32 counter,
                          const QByteArray &type,
                          const QByteArray &password,
                          const QByteArray &user,
                          const QByteArray &site)
{
    const PasswordTemplates *templates = nullptr;
    for (const PasswordTemplates &t : passwordTemplates()) {
        if (type == t.type)
            templates = &t;
    }
    if (!templates)
        return "cannot find password template " + type;
    const QByteArray seed("com.lyndir.masterpassword");
    QByteArray salt = seed;
    appendBigEndian32(salt, quint32(user.size()));
    salt.append(user);
    unsigned char key[64];
    if (EVP_PBE_scrypt(password.constData(),
                       size_t(password.size()),
                       reinterpret_cast<const unsigned char *>(salt.constData()),
                       size_t(salt.size()),
                       32768,
                       8,
                       2,
                       quint64(128) * 1024 * 1024,
                       key,
                       sizeof key)
        != 1)
        return QByteArrayLiteral("failed to derive password: scrypt failed");
    QByteArray message = seed;
    appendBigEndian32(message, quint32(site.size()));
    message.append(site);
    appendBigEndian32(message, counter);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLen = 0;
    HMAC(EVP_sha256(),
         key,
         sizeof key,
         reinterpret_cast<const unsigned char *>(message.constData()),
         size_t(message.size()),
         mac,
         &macLen);
    const QByteArray temp(templates->templates.at(mac[0] % templates->templates.size()));
    QByteArray out;
    for (qsizetype i = 0; i < temp.size(); ++i) {
        const QByteArray chars(templateCharacters(temp.at(i)));
        out.append(chars.at(mac[i + 1] % chars.size()));
    }
    return out;
}

struct PkeyDeleter
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct CtxDeleter
{
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, CtxDeleter>;

// The key as the PEM block Go's pemBlockForKey writes: PKCS#1, SEC 1 or the DSA sequence,
// which is OpenSSL's "type-specific" structure for each.
QByteArray pemTypeSpecific(EVP_PKEY *key)
{
    OSSL_ENCODER_CTX *ctx
            = OSSL_ENCODER_CTX_new_for_pkey(key,
                                            OSSL_KEYMGMT_SELECT_KEYPAIR
                                                    | OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS,
                                            "PEM",
                                            "type-specific",
                                            nullptr);
    if (!ctx)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray out;
    if (OSSL_ENCODER_to_bio(ctx, bio) == 1) {
        char *data = nullptr;
        const long len = BIO_get_mem_data(bio, &data);
        out = QByteArray(data, int(len));
    }
    BIO_free(bio);
    OSSL_ENCODER_CTX_free(ctx);
    return out;
}

QByteArray generatePrivateKey(const QByteArray &type)
{
    Pkey key;
    if (type.isEmpty() || type == "rsa") {
        key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(4096)));
    } else if (type == "ecdsa") {
        key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    } else if (type == "dsa") {
        PkeyCtx pctx(EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr));
        EVP_PKEY *params = nullptr;
        if (!pctx || EVP_PKEY_paramgen_init(pctx.get()) != 1
            || EVP_PKEY_CTX_set_dsa_paramgen_bits(pctx.get(), 2048) != 1
            || EVP_PKEY_CTX_set_dsa_paramgen_q_bits(pctx.get(), 256) != 1
            || EVP_PKEY_paramgen(pctx.get(), &params) != 1)
            return QByteArrayLiteral("failed to generate dsa params: OpenSSL error");
        Pkey paramKey(params);
        PkeyCtx kctx(EVP_PKEY_CTX_new_from_pkey(nullptr, paramKey.get(), nullptr));
        EVP_PKEY *generated = nullptr;
        if (!kctx || EVP_PKEY_keygen_init(kctx.get()) != 1
            || EVP_PKEY_keygen(kctx.get(), &generated) != 1)
            return QByteArrayLiteral("failed to generate private key: OpenSSL error");
        key.reset(generated);
    } else {
        return "Unknown type " + type;
    }
    if (!key)
        return QByteArrayLiteral("failed to generate private key: OpenSSL error");
    return pemTypeSpecific(key.get());
}

QByteArray aesKey(const QByteArray &password)
{
    QByteArray key = password.left(32);
    key.append(QByteArray(32 - key.size(), '\0'));
    return key;
}

QByteArray aesCbc(const QByteArray &key, const QByteArray &iv, const QByteArray &in, bool encrypt)
{
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    QByteArray out(in.size() + 32, '\0');
    int len1 = 0;
    int len2 = 0;
    EVP_CipherInit_ex(ctx,
                      EVP_aes_256_cbc(),
                      nullptr,
                      reinterpret_cast<const unsigned char *>(key.constData()),
                      reinterpret_cast<const unsigned char *>(iv.constData()),
                      encrypt ? 1 : 0);
    EVP_CIPHER_CTX_set_padding(ctx, 0); // Sprig pads (and unpads) itself
    EVP_CipherUpdate(ctx,
                     reinterpret_cast<unsigned char *>(out.data()),
                     &len1,
                     reinterpret_cast<const unsigned char *>(in.constData()),
                     int(in.size()));
    EVP_CipherFinal_ex(ctx, reinterpret_cast<unsigned char *>(out.data()) + len1, &len2);
    EVP_CIPHER_CTX_free(ctx);
    out.truncate(len1 + len2);
    return out;
}

QByteArray randomBytes(qint64 count)
{
    QByteArray buf(qsizetype(count), '\0');
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(buf.data()), int(count)) != 1)
        fail("crypto/rand: failed to read random data");
    return buf;
}

} // namespace

void addCryptoFunctions(FunctionMap &map)
{
    const auto add = [&map](Function f) { map.insert(f.name, std::move(f)); };
    add(makeFunction("sha1sum", {"string"}, nullptr, [](const Args &a) {
        return Value::fromString(digest(EVP_sha1(), a.at(0).toString()));
    }));
    add(makeFunction("sha256sum", {"string"}, nullptr, [](const Args &a) {
        return Value::fromString(digest(EVP_sha256(), a.at(0).toString()));
    }));
    add(makeFunction("adler32sum", {"string"}, nullptr, [](const Args &a) {
        return Value::fromString(QByteArray::number(adler32(a.at(0).toString())));
    }));
    add(makeFunction("derivePassword",
                     {"uint32", "string", "string", "string", "string"},
                     nullptr,
                     [](const Args &a) {
                         const Value &c = a.at(0);
                         const quint32 counter = c.kind() == Value::Kind::Uint ? quint32(c.toUint())
                                                                               : quint32(c.toInt());
                         return Value::fromString(derivePassword(counter,
                                                                 a.at(1).toString(),
                                                                 a.at(2).toString(),
                                                                 a.at(3).toString(),
                                                                 a.at(4).toString()));
                     }));
    add(makeFunction(
            "genPrivateKey",
            {"string"},
            nullptr,
            [](const Args &a) { return Value::fromString(generatePrivateKey(a.at(0).toString())); },
            false,
            true));
    add(makeFunction(
            "encryptAES",
            {"string", "string"},
            nullptr,
            [](const Args &a) {
                const QByteArray &plaintext = a.at(1).toString();
                if (plaintext.isEmpty())
                    return Value::fromString({});
                QByteArray content = plaintext;
                const int padding = 16 - int(content.size() % 16);
                content.append(QByteArray(padding, char(padding)));
                const QByteArray iv = randomBytes(16);
                const QByteArray cipher = aesCbc(aesKey(a.at(0).toString()), iv, content, true);
                return Value::fromString(QByteArray(iv + cipher).toBase64());
            },
            true,
            true));
    add(makeFunction(
            "decryptAES",
            {"string", "string"},
            nullptr,
            [](const Args &a) {
                const QByteArray &crypt64 = a.at(1).toString();
                if (crypt64.isEmpty())
                    return Value::fromString({});
                qsizetype errorAt;
                const QByteArray crypt = base64Decode(crypt64, &errorAt);
                if (errorAt >= 0)
                    fail("illegal base64 data at input byte " + QByteArray::number(errorAt));
                if (crypt.size() < 16) {
                    fail("runtime error: slice bounds out of range [:16] with capacity "
                         + QByteArray::number(crypt.size()));
                }
                const QByteArray body = crypt.mid(16);
                if (body.size() % 16 != 0)
                    fail("crypto/cipher: input not full blocks");
                if (body.isEmpty())
                    fail("runtime error: index out of range [-1]");
                const QByteArray decrypted = aesCbc(aesKey(a.at(0).toString()),
                                                    crypt.left(16),
                                                    body,
                                                    false);
                const int pad = static_cast<unsigned char>(decrypted.at(decrypted.size() - 1));
                if (pad > decrypted.size()) {
                    fail("runtime error: slice bounds out of range [:"
                         + QByteArray::number(decrypted.size() - pad) + ']');
                }
                return Value::fromString(decrypted.left(decrypted.size() - pad));
            },
            true));
    add(makeFunction(
            "randBytes",
            {"int"},
            nullptr,
            [](const Args &a) {
                const qint64 count = a.at(0).toInt();
                if (count < 0)
                    fail("runtime error: makeslice: len out of range");
                if (count > 64 * 1024 * 1024)
                    fail(Tr::tr("more than 64 MiB of random bytes exceed the limits of this "
                                "renderer")
                                 .toUtf8());
                return Value::fromString(randomBytes(count).toBase64());
            },
            true,
            true));
}

} // namespace Stagecraft::Model::Template::Sprig
