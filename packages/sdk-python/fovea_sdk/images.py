"""``ctx.images``: the images a script works on, from the conventional ``Data_Type`` + ``IDs`` pair,
and new images written from planes.

Ids that do not exist or that the user cannot see are skipped with a log line, as OMERO's scripts
do, rather than failing the whole job; each image appears once, in first-seen order.
"""
from .new_image import ImageUpload, create_image


class ImageHelpers(object):
    def __init__(self, api, objects):
        self._api = api
        self._objects = objects

    def of(self, data_type, ids):
        """The images of ``ids`` read as ``data_type``: Project → its datasets' images, Dataset → its images."""
        if data_type == "Project":
            return self.of_projects(ids)
        if data_type == "Dataset":
            return self.of_datasets(ids)
        if data_type == "Image":
            return self.by_ids(ids)
        raise ValueError("data_type must be Project, Dataset or Image, not %r" % (data_type,))

    def of_datasets(self, ids):
        """The images of these datasets."""
        found = {}
        for id_ in ids:
            for image in self._objects.children_or_skip("Dataset", id_):
                found.setdefault(image["id"], image)
        return list(found.values())

    def of_projects(self, ids):
        """The images of these projects' datasets."""
        dataset_ids = []
        for id_ in ids:
            for dataset in self._objects.children_or_skip("Project", id_):
                if dataset["id"] not in dataset_ids:
                    dataset_ids.append(dataset["id"])
        return self.of_datasets(dataset_ids)

    def by_ids(self, ids):
        """These images themselves."""
        return self._objects.by_ids("Image", ids)

    def datasets_of(self, image_id):
        """The datasets an image is in (its parents)."""
        return self._objects.parents("Image", image_id)

    def create(self, name, planes, pixel_type=None, size_z=None, size_c=None, size_t=None, channels=None, **meta):
        """A new image from its planes; it exists only once every plane is written.

        ``planes`` is a numpy array of shape (T, C, Z, Y, X) or (Y, X), nested sequences
        ``planes[t][c][z]`` of 2-D planes, or a dict ``{(z, c, t): plane}`` (then give the sizes).
        A plane is a 2-D numpy array, a list of rows, or Y·X values row-major. ``pixel_type``
        defaults to the planes' own (numpy dtype or array type code); other values are rounded to
        it. ``channels``: names (``["DAPI", "GFP"]``) or dicts ``{"name", "color": "RRGGBB"}``.
        Further fields, as keywords: ``description``, ``dataset`` (an id or a Dataset ref),
        ``group_id``, ``physical_size_x/y/z`` (µm), ``physical_size_y_unit`` ("µm" or "s"),
        ``time_increment`` (s). Returns the new image's JSON.

        >>> image = ctx.images.create("mask", numpy.zeros((1, 1, 1, 64, 64), "uint8"), dataset=3)
        """
        return create_image(self._api, name, planes, pixel_type, (size_z, size_c, size_t), channels, meta)

    def upload(self, name, size_x, size_y, pixel_type, size_z=1, size_c=1, size_t=1, channels=None, **meta):
        """A new image written plane by plane, for planes too many to hold at once:

        >>> with ctx.images.upload("big", 2048, 2048, "uint16", size_z=100) as upload:
        ...     for z in range(100):
        ...         upload.put_plane(z, 0, 0, make_plane(z))
        >>> upload.image["id"]

        Leaving the ``with`` block commits the image; an exception aborts the upload instead (the
        server keeps nothing) and propagates. Without ``with``, call ``commit()`` or ``abort()``.
        """
        return ImageUpload(self._api, name, size_x, size_y, pixel_type, (size_z, size_c, size_t), channels, meta)
