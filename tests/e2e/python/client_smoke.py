"""Smoke-test kaltura-mcp with the official Python SDK (mcp 2.3.0).

Usage: client_smoke.py MCP_URL

Connects twice, once per wire era ("legacy": initialize handshake; "auto":
probes server/discover and should settle on 2026-07-28), lists tools, calls
get_server_info, and prints one JSON object on stdout keyed by mode. The node
test (python-sdk.test.mjs) asserts on it.
"""

import asyncio
import json
import sys

from mcp import Client

TOOL = "get_server_info"


async def run(url: str, mode: str) -> dict:
    async with Client(url, mode=mode, read_timeout_seconds=15) as client:
        tools = await client.list_tools()
        result = await client.call_tool(TOOL, {})
        return {
            "protocol_version": client.protocol_version,
            "server_name": client.server_info.name if client.server_info else None,
            "tools": [t.model_dump(mode="json", by_alias=True, exclude_none=True) for t in tools.tools],
            "call": result.model_dump(mode="json", by_alias=True, exclude_none=True),
        }


async def main(url: str) -> None:
    out = {}
    for mode in ("legacy", "auto"):
        out[mode] = await asyncio.wait_for(run(url, mode), timeout=30)
    print(json.dumps(out))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
