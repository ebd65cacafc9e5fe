"""util_scripts/Hello_World_Python: the Hello World of SCRIPTS.md §3, written the way OMERO scripts
are (``omero.scripts`` + ``BlitzGateway``), to show that such a script runs on Fovea unchanged.

It is named ``Hello_World_Python`` because the registry keys scripts by folder and file base name,
and ``util_scripts/Hello_World`` is the TypeScript one. Its title, "Hello, World (Python)", keeps the
two apart in the Scripts menu (OMERO scripts usually pass their file name, which Fovea's OMERO layer
shows as "Hello World Python"). Same inputs, log lines and outputs: for each
image of the chosen datasets (each once; unknown ids skipped) a line ``---- Processing image <id>``;
then ``Message`` = ``Returned N images`` and ``Image`` = the first image, or ``Message`` = ``No images
found``.
"""
import omero.scripts as scripts
from omero.gateway import BlitzGateway
from omero.rtypes import rlong, robject, rstring


def run_script():
    client = scripts.client(
        "Hello, World (Python)",
        "Lists the images of the chosen datasets. An OMERO-style Python script (omero.scripts and BlitzGateway).",
        scripts.String("Data_Type", optional=False, grouping="1", description="The type of the objects in IDs.",
                       values=[rstring("Dataset")], default="Dataset"),
        scripts.List("IDs", optional=False, grouping="2", description="Dataset IDs.").ofType(rlong(0)),
        authors=["Fovea Team"],
        institutions=["Fovea"],
        version="1.0.0",
    )
    try:
        script_params = client.getInputs(unwrap=True)
        conn = BlitzGateway(client_obj=client)
        images = []
        seen = set()
        for dataset in conn.getObjects("Dataset", script_params["IDs"]):
            for image in dataset.listChildren():
                if image.getId() in seen:
                    continue  # an image in two of the datasets is listed once
                seen.add(image.getId())
                print("---- Processing image %d" % image.getId())
                images.append(image)
        if images:
            client.setOutput("Message", rstring("Returned %d images" % len(images)))
            client.setOutput("Image", robject(images[0]._obj))
        else:
            client.setOutput("Message", rstring("No images found"))
    finally:
        client.closeSession()


if __name__ == "__main__":
    run_script()
