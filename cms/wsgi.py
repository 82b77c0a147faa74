import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Everything loaded at start-up (apps, models, settings) lives as long as the process: moved out of the garbage
# collector's generations, it is no longer traversed by every full collection a request triggers.
gc.freeze()
