#!/bin/sh
# 为试装的服务器生成自签名证书（正式使用请换成局里或信息中心签发的证书）。
#
# 用法：deploy/nginx/make-cert.sh [-n 域名或IP] [-o 目录] [-f]
#   -n  证书上的名称（CN 和 subjectAltName），默认本机的完整主机名（hostname -f）；
#       应与 workreport.conf 中的 server_name 一致，浏览器按它核对证书
#   -o  输出目录，默认 /etc/nginx/ssl（即 workreport.conf 中 ssl_certificate 所在的目录）
#   -f  已有证书时覆盖（默认不覆盖，以免误删正式证书）
# 生成 目录/workreport.key（私钥，权限 600）和 目录/workreport.crt（证书，有效期 365 天）。
# 也可以用 make cert CN=… OUT=… 调用。
set -eu

name=""
out=/etc/nginx/ssl
force=0
days=365

usage() {
    echo "用法：$0 [-n 域名或IP] [-o 目录] [-f]" >&2
    exit 2
}

while getopts n:o:fh option; do
    case "$option" in
        n) name=$OPTARG ;;
        o) out=$OPTARG ;;
        f) force=1 ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

if [ -z "$name" ]; then
    name=$(hostname -f 2>/dev/null || true)
    [ -n "$name" ] || name=$(hostname 2>/dev/null || true)
    [ -n "$name" ] || name=localhost
fi
case "$name" in
    *[!A-Za-z0-9.:-]* | "" | -*)
        echo "证书名称只能含字母、数字、点、连字符（IPv6 地址可含冒号）：$name" >&2
        exit 2
        ;;
esac

# An address goes into subjectAltName as IP:, a host name as DNS: (browsers only read subjectAltName).
case "$name" in
    *:*) san="IP:$name" ;;
    *[!0-9.]*) san="DNS:$name" ;;
    *) san="IP:$name" ;;
esac

key=$out/workreport.key
crt=$out/workreport.crt
if [ "$force" -eq 0 ] && { [ -e "$key" ] || [ -e "$crt" ]; }; then
    echo "$key 或 $crt 已存在，未作改动；确需重新生成时加 -f（make cert FORCE=1）" >&2
    exit 1
fi

command -v openssl >/dev/null 2>&1 || { echo "需要 openssl：apt-get install -y openssl" >&2; exit 1; }

mkdir -p "$out"
umask 077
tmp=$(mktemp -d "$out/.make-cert.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# An ECDSA P-256 key: supported by every current browser, and small and fast in the handshake.
openssl req -x509 -new -nodes -sha256 -days "$days" \
    -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -keyout "$tmp/workreport.key" -out "$tmp/workreport.crt" \
    -subj "/CN=$name" \
    -addext "subjectAltName=$san" \
    -addext "basicConstraints=critical,CA:FALSE" \
    -addext "keyUsage=critical,digitalSignature" \
    -addext "extendedKeyUsage=serverAuth" 2>"$tmp/openssl.log" || {
    cat "$tmp/openssl.log" >&2
    exit 1
}

chmod 600 "$tmp/workreport.key"
chmod 644 "$tmp/workreport.crt"
mv -f "$tmp/workreport.key" "$key"
mv -f "$tmp/workreport.crt" "$crt"

echo "已生成 $crt（$san，有效期 $days 天）和 $key（权限 600）"
