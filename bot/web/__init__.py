"""The chat page and the embeddable widget: a small aiohttp app in front of Rasa's socketio channel.

The browser talks to Rasa directly (socket.io); this app only serves the page, the widget
(`/widget.js`, with socket.io-client from node_modules bundled in) and its stylesheet.
Modules: config (settings), assets (files and the bundle), app (routes, CORS), cli.
"""
