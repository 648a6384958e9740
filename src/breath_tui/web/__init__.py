"""breath-tui in a browser tab (`breath-tui serve`): textual-serve on loopback, behind a token.

`guard` decides which requests may pass (pure, stdlib only); `server` is the textual-serve
server around it (aiohttp and textual_serve are imported only when it is built).
"""
