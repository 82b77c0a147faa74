from django.shortcuts import render


def page_not_found(request, exception=None):
    # `not_found` points the language switcher at the other language's home: this address exists in none.
    return render(request, "errors/404.html", {"not_found": True}, status=404)


def server_error(request):
    # No context processors that might touch the database: it may be the reason we are here.
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("errors/500.html").render())
