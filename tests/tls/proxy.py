"""A TLS-terminating proxy for ./test.sh: the conformance suite's HTTPS door (feature
`conformance-https`) reaches the plain-HTTP ddbmock server through it, so the SDK's HTTPS client and its
certificate checks run as they would against DynamoDB itself.

usage: proxy.py CERT KEY BACKEND_HOST:PORT  -- prints the port it listens on (127.0.0.1), then serves
until killed.
"""

import asyncio
import ssl
import sys


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def main(cert, key, backend):
    host, port = backend.rsplit(":", 1)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)

    async def handle(client_reader, client_writer):
        backend_reader, backend_writer = await asyncio.open_connection(host, int(port))
        await asyncio.gather(
            pipe(client_reader, backend_writer),
            pipe(backend_reader, client_writer),
            return_exceptions=True,
        )

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
