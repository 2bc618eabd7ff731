"""Chat models behind one interface: the local llama.cpp runtime and Claude both yield text chunks."""
