"""Tool windows over the core: settings, models, knowledge browser, generation, documents, feedback and usage pages, data check."""
