app_name = "agreements_api"

urlpatterns: list = []
